/**
 * Turns a raw request target into path segments that cannot leave a served root.
 *
 * Segments are decoded one by one instead of decoding the whole path first: decoding first would turn
 * `%2f` into a separator and `%2e%2e` into `..` after any check had run. The WHATWG URL parser is not
 * used for the same reason: it silently resolves `..` and rewrites `\` to `/`, hiding the attack
 * instead of refusing it. Anything ambiguous is rejected rather than repaired.
 */

export type SafePath =
  { ok: true; segments: readonly string[] } | { ok: false; status: 400 | 404; reason: string };

// Control characters (NUL included) have no business in a file name we publish.
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f]/;

function reject(status: 400 | 404, reason: string): SafePath {
  return { ok: false, status, reason };
}

function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * `rawUrl` is `req.url` (origin-form, e.g. `/gold/x.parquet?v=1`). An empty segment list means `/`.
 * 400 for malformed or hostile paths, 404 for paths that are well formed but never served
 * (dotfiles, directories).
 */
export function safePath(rawUrl: string): SafePath {
  const pathname = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!pathname.startsWith('/')) return reject(400, 'path must start with /');
  if (pathname.includes('\\')) return reject(400, 'backslash in path');
  if (pathname === '/') return { ok: true, segments: [] };
  // A trailing slash names a directory, and directories are never listed.
  if (pathname.endsWith('/')) return reject(404, 'directory');

  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    const segment = decodeSegment(raw);
    if (segment === undefined) return reject(400, 'malformed percent-encoding');
    if (segment === '') return reject(400, 'empty path segment');
    if (segment === '.' || segment === '..') return reject(400, 'dot segment');
    if (/[/\\]/.test(segment)) return reject(400, 'encoded separator');
    if (controlChars.test(segment)) return reject(400, 'control character');
    if (segment.startsWith('.')) return reject(404, 'dotfile');
    segments.push(segment);
  }
  return { ok: true, segments };
}
