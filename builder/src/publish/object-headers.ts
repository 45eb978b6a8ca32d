/**
 * Content-Type and Cache-Control of every published object, by its path under the lakehouse root:
 * the static server's own rules, so a bucket serves each file exactly as `npm start` does (gold
 * files under a build id and hashed app assets cached for good, the manifest and index.html
 * revalidated, `.wasm` as application/wasm, Parquet as application/vnd.apache.parquet).
 */
import { cachePolicy, contentType } from '#static-server';

export interface ObjectHeaders {
  contentType: string;
  cacheControl: string;
}

/** `relativePath` uses forward slashes, e.g. `gold/<build_id>/dim_item.parquet`. */
export function objectHeaders(relativePath: string): ObjectHeaders {
  const segments = relativePath.split('/').filter((segment) => segment !== '');
  return { contentType: contentType(relativePath), cacheControl: cachePolicy(segments) };
}
