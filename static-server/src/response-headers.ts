/**
 * Headers every response carries, errors included. DuckDB-WASM and `?data=<url>` may read from
 * another origin, and a cross-origin reader cannot see Content-Range or ETag unless they are exposed;
 * a CORS-less error response would even hide its status from the app.
 */
import type { ServerResponse } from 'node:http';

export const allowedMethods = 'GET, HEAD, OPTIONS';

export const baseHeaders: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges, ETag',
  'Accept-Ranges': 'bytes',
  'X-Content-Type-Options': 'nosniff',
};

/** Answer to an OPTIONS preflight (a Range header is not CORS-safelisted in every browser). */
export const preflightHeaders: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Methods': 'GET, HEAD',
  'Access-Control-Allow-Headers': 'Range, If-None-Match, Content-Type',
  'Access-Control-Max-Age': '86400',
  Allow: allowedMethods,
};

export function setHeaders(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
