/**
 * Content-Type by file extension. Explicit rather than left to `send`'s mime lookup because browsers
 * refuse `.wasm` for streaming compilation and module scripts unless these exact types arrive, the
 * mime database has no entry for Parquet, and a precompressed `x.js.gz` must still be typed as `.js`.
 */
import { extname } from 'node:path';

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.gz': 'application/gzip',
  '.br': 'application/x-brotli',
};

/** `fileName` is the name the client asked for (not a precompressed sibling). */
export function contentType(fileName: string): string {
  return types[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}
