/**
 * Fetches and checks gold/manifest.json. It is small and served with `no-cache`, so it arrives
 * long before DuckDB-WASM is ready and lets the app paint the headline numbers first.
 */
import { MANIFEST_PATH, isManifest, manifestProblem, type Manifest } from '#schema/manifest.ts';
import { DataLoadError } from './errors.ts';

const HINT = 'build the lakehouse first, or open the app with ?data=<url of the folder holding gold/>';

export async function loadManifest(base: URL, fetchFn: typeof fetch = fetch): Promise<Manifest> {
  const url = new URL(MANIFEST_PATH, base).href;
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-cache' });
  } catch (cause) {
    throw new DataLoadError(`could not reach ${url}: ${String(cause)}`, url, { cause });
  }
  if (!response.ok) {
    throw new DataLoadError(`${url} answered HTTP ${response.status}; ${HINT}`, url);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new DataLoadError(`${url} is not valid JSON`, url, { cause });
  }
  if (!isManifest(body)) {
    throw new DataLoadError(`${url} is not a usable manifest: ${manifestProblem(body) ?? 'unknown shape'}`, url);
  }
  return body;
}
