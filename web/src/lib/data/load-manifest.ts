/**
 * Fetches and checks gold/manifest.json. It is small and served with `no-cache`, so it arrives
 * long before DuckDB-WASM is ready and lets the app paint the headline numbers first. Every way
 * it can fail is a DataLoadError whose message says what happened and what to check, and whose
 * `url` is what was tried.
 */
import { MANIFEST_PATH, SCHEMA_VERSION, isManifest, manifestProblem, type Manifest } from '#schema/manifest.ts';
import { DataLoadError } from './errors.ts';

const NOT_BUILT = 'build the lakehouse first, or open the app with ?data=<url of the folder holding gold/>';

function httpProblem(status: number): string {
  if (status === 404) return `answered HTTP 404 (no manifest there); ${NOT_BUILT}`;
  if (status === 401 || status === 403) {
    return `answered HTTP ${status} (access denied); the bucket or host must allow anonymous reads of gold/`;
  }
  if (status >= 500) return `answered HTTP ${status} (the data host failed); try again later or check the host`;
  return `answered HTTP ${status}; ${NOT_BUILT}`;
}

/** The schema version when it is the one thing wrong, as advice on which side to update. */
function versionProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('schema_version' in body)) return undefined;
  const version = body.schema_version;
  if (typeof version !== 'number' || version === SCHEMA_VERSION) return undefined;
  return version > SCHEMA_VERSION
    ? `its schema_version ${version} is newer than this app reads (${SCHEMA_VERSION}): the lakehouse was built by a newer builder; publish the app again beside it (npm run lakehouse -- publish-web) and reload`
    : `its schema_version ${version} is older than this app reads (${SCHEMA_VERSION}): rebuild the lakehouse (npm run lakehouse -- build --force)`;
}

function preview(text: string): string {
  const start = text.trim().slice(0, 40);
  return start === '' ? 'it is empty' : `it starts with ${JSON.stringify(start)}`;
}

export async function loadManifest(base: URL, fetchFn: typeof fetch = fetch): Promise<Manifest> {
  const url = new URL(MANIFEST_PATH, base).href;
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-cache' });
  } catch (cause) {
    throw new DataLoadError(
      `could not reach ${url} (${String(cause)}): the data host is down, the address is wrong, or it does not allow this origin (CORS)`,
      url,
      { cause },
    );
  }
  if (!response.ok) throw new DataLoadError(`${url} ${httpProblem(response.status)}`, url);
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new DataLoadError(`${url} stopped before the manifest arrived whole: ${String(cause)}`, url, { cause });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new DataLoadError(`${url} is not valid JSON (${preview(text)}); is this a lakehouse folder?`, url, {
      cause,
    });
  }
  if (!isManifest(body)) {
    const problem = versionProblem(body) ?? manifestProblem(body) ?? 'unknown shape';
    throw new DataLoadError(`${url} is not a manifest this app can read: ${problem}`, url);
  }
  return body;
}
