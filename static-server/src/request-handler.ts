/**
 * The HTTP handler: method and path checks, file resolution and headers are ours; the byte-level
 * protocol (Range/206/416, ETag, If-None-Match/304, Last-Modified, HEAD) is `send`'s.
 *
 * `send` is handed one already-resolved file (root = its folder, path = its name), so its own root
 * and dotfile logic never decides what is reachable. Its errors arrive through the `error` event.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Readable } from 'node:stream';
import send from 'send';
import { cachePolicy } from './cache-policy.ts';
import { contentType } from './content-type.ts';
import { precompressed } from './precompressed.ts';
import { normalizeRange } from './range.ts';
import { describeError, respondError, type BodyCounter } from './respond-error.ts';
import { allowedMethods, baseHeaders, preflightHeaders, setHeaders } from './response-headers.ts';
import { resolveFile } from './resolve-file.ts';
import { safePath } from './safe-path.ts';

/** One finished (or aborted) response, for logs, tests and the benchmark's byte counts. */
export interface ServedEntry {
  method: string;
  /** Request path as received, without the query string. */
  path: string;
  status: number;
  /** Body bytes handed to the socket; 0 for HEAD, 304 and preflight. */
  bytes: number;
  /** The request's Range header, when it had one. */
  range?: string;
}

export interface HandlerOptions {
  /** Real paths of the served folders, all mounted at `/`; the first that holds a file wins. */
  roots: readonly string[];
  onResponse?: (entry: ServedEntry) => void;
  /** Called with the cause of every 5xx, which the client only sees as a status. */
  onError?: (error: unknown) => void;
}

type Fail = (error: unknown) => void;

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  roots: readonly string[],
  counter: BodyCounter,
  fail: Fail,
): Promise<void> {
  setHeaders(res, baseHeaders);
  if (req.method === 'OPTIONS') {
    setHeaders(res, preflightHeaders);
    res.statusCode = 204;
    res.end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    respondError(req, res, counter, { status: 405, headers: { Allow: allowedMethods } });
    return;
  }
  const target = safePath(req.url ?? '');
  const file = target.ok ? await resolveFile(roots, target.segments) : undefined;
  if (!target.ok || file === undefined) {
    respondError(req, res, counter, { status: target.ok ? 404 : target.status, headers: {} });
    return;
  }
  const range = req.headers.range;
  if (range !== undefined) req.headers.range = normalizeRange(range, (await stat(file.path)).size);
  const chosen =
    range === undefined
      ? await precompressed(file.root, file.path, req.headers['accept-encoding'])
      : { path: file.path, varies: false };

  // Typed by the name the client asked for, so `x.js.gz` still arrives as JavaScript.
  res.setHeader('Content-Type', contentType(target.segments.at(-1) ?? 'index.html'));
  res.setHeader('Cache-Control', cachePolicy(target.segments));
  if (chosen.encoding !== undefined) res.setHeader('Content-Encoding', chosen.encoding);
  if (chosen.varies) res.setHeader('Vary', 'Accept-Encoding');

  send(req, `/${encodeURIComponent(basename(chosen.path))}`, {
    root: dirname(chosen.path),
    index: false,
    cacheControl: false,
  })
    .on('error', fail)
    .on('stream', (stream: Readable) => {
      stream.on('data', (chunk: Buffer) => {
        counter.bytes += chunk.length;
      });
    })
    .pipe(res);
}

/** A `node:http` request listener serving `roots` at `/`. */
export function requestHandler(options: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { roots, onResponse, onError } = options;
  return (req, res) => {
    const counter: BodyCounter = { bytes: 0 };
    if (onResponse !== undefined) {
      // `close` fires after `finish` and also when the client aborts, so every request is reported once.
      res.once('close', () => {
        const range = req.headers.range;
        onResponse({
          method: req.method ?? '',
          path: (req.url ?? '').split('?', 1)[0] ?? '',
          status: res.statusCode,
          bytes: counter.bytes,
          ...(range === undefined ? {} : { range }),
        });
      });
    }
    const fail: Fail = (error) => {
      const description = describeError(error);
      if (description.status >= 500) onError?.(error);
      respondError(req, res, counter, description);
    };
    serve(req, res, roots, counter, fail).catch(fail);
  };
}
