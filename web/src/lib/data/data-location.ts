/**
 * Where the lakehouse lives, as the URL of the folder that holds `gold/`. The same build runs from
 * any prefix (a bucket path, a CDN folder), so the default is the page's own folder.
 */
import { DataLoadError } from './errors.ts';

export const DATA_PARAM = 'data';

/**
 * `?data=<url>` resolved against the page (relative values allowed), else `./`; ends with `/`.
 * A value that is no URL at all is a DataLoadError, shown like any other load failure.
 */
export function resolveDataBaseUrl(pageHref: string): URL {
  const page = new URL(pageHref);
  const given = page.searchParams.get(DATA_PARAM)?.trim();
  let base: URL;
  try {
    base = new URL(given ? given : './', page);
  } catch (cause) {
    throw new DataLoadError(`?${DATA_PARAM}=${given ?? ''} is not a URL`, given ?? '', { cause });
  }
  // Without the slash, `new URL('gold/…', base)` would replace the last path segment.
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return base;
}

/**
 * Absolute URL of a file named by the manifest. Paths in the manifest are relative to the base;
 * one that escapes it (`../`, another origin) means a broken or hostile publish, so it is refused.
 */
export function fileUrl(base: URL, relativePath: string): string {
  const url = new URL(relativePath, base);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
    throw new DataLoadError(`manifest path "${relativePath}" points outside ${base.href}`, url.href);
  }
  return url.href;
}
