/**
 * Cache-Control per request path. Only content whose URL changes when its bytes change may be cached
 * for good: gold files under a build id (a new build gets a new id and a new manifest) and Vite's
 * hashed `assets/`. The manifest and `index.html` are the mutable entry points, so every load
 * revalidates them (cheap: ETag/If-None-Match answers 304).
 */

export const immutable = 'public, max-age=31536000, immutable';
export const revalidate = 'no-cache';

/** `segments` are the request path segments (`[]` is `/`). */
export function cachePolicy(segments: readonly string[]): string {
  const [top] = segments;
  // gold/<build_id>/<file>: at least three segments; gold/manifest.json has two.
  if (top === 'gold' && segments.length >= 3) return immutable;
  if (top === 'assets' && segments.length >= 2) return immutable;
  return revalidate;
}
