/**
 * Every response the static server sent, in order, so a measurement can take the slice between two
 * marks and count what one page load or one query fetched from one file.
 */
import type { ServedEntry } from '#static-server';

export interface FileTraffic {
  /** Body bytes sent for the file (GET bodies; HEAD sends none). */
  bytes: number;
  /** Range GETs for the file. */
  gets: number;
  /** HEAD requests: DuckDB-WASM asks for the size and range support when it opens the file. */
  heads: number;
  /** Largest single response body for the file: shows how far the reader reads ahead. */
  largestGetBytes: number;
  /** The Range header of each GET, in order: how the reader walks the file. */
  ranges: string[];
}

export class ServedLog {
  readonly #entries: ServedEntry[] = [];

  readonly record = (entry: ServedEntry): void => {
    this.#entries.push(entry);
  };

  /** A position to measure from. */
  mark(): number {
    return this.#entries.length;
  }

  /** Traffic for one URL path (or every path `urlPath` accepts) since `mark`. */
  trafficSince(mark: number, urlPath: string | ((path: string) => boolean)): FileTraffic {
    const matches = typeof urlPath === 'string' ? (path: string) => path === urlPath : urlPath;
    const forFile = this.#entries.slice(mark).filter((e) => matches(e.path));
    const gets = forFile.filter((e) => e.method === 'GET');
    return {
      bytes: gets.reduce((sum, e) => sum + e.bytes, 0),
      gets: gets.length,
      heads: forFile.filter((e) => e.method === 'HEAD').length,
      largestGetBytes: gets.reduce((largest, e) => Math.max(largest, e.bytes), 0),
      ranges: gets.map((e) => e.range ?? 'whole file'),
    };
  }

  /** Body bytes for every path since `mark` (the app, the wasm, the data). */
  totalBytesSince(mark: number): number {
    return this.#entries.slice(mark).reduce((sum, e) => sum + e.bytes, 0);
  }
}
