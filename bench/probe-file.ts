/**
 * A fact file served at a URL no page has read yet, queried with read_parquet('<url>'), so what
 * the server sends for that path is exactly what one query fetched; the app's own reads of the
 * gold fact go to another path.
 */
export interface ProbeFile {
  /** Absolute URL, for read_parquet in the page. */
  url: string;
  /** Path as the static server logs it. */
  urlPath: string;
  bytes: number;
}

export function probeFile(serverUrl: string, name: string, bytes: number): ProbeFile {
  const urlPath = `/probe/${name}`;
  return { url: new URL(urlPath, serverUrl).href, urlPath, bytes };
}
