/**
 * Plain-text error responses. Used instead of `send`'s built-in error page because that page clears
 * every header first, CORS included.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { baseHeaders, setHeaders } from './response-headers.ts';

/** Body bytes written for one response; the handler reports it in `ServedEntry.bytes`. */
export interface BodyCounter {
  bytes: number;
}

export interface ErrorDescription {
  status: number;
  headers: Record<string, string>;
}

/**
 * Status and extra headers of a `send` (http-errors) error, e.g. 416 with `Content-Range: bytes *\/size`.
 * Anything else is a 500.
 */
export function describeError(error: unknown): ErrorDescription {
  if (typeof error !== 'object' || error === null) return { status: 500, headers: {} };
  const status = 'status' in error && typeof error.status === 'number' ? error.status : 500;
  const headers: Record<string, string> = {};
  if ('headers' in error && typeof error.headers === 'object' && error.headers !== null) {
    for (const [name, value] of Object.entries(error.headers)) {
      if (typeof value === 'string') headers[name] = value;
    }
  }
  return { status, headers };
}

export function respondError(
  req: IncomingMessage,
  res: ServerResponse,
  counter: BodyCounter,
  { status, headers }: ErrorDescription,
): void {
  // Once the body has started (a read error mid-file) the status cannot change; cutting the
  // connection is the only way left to tell the client the body is incomplete.
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  const body = `${status} ${STATUS_CODES[status] ?? 'Error'}\n`;
  setHeaders(res, { ...baseHeaders, ...headers, 'Cache-Control': 'no-cache' });
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.statusCode = status;
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  counter.bytes += Buffer.byteLength(body);
  res.end(body);
}
