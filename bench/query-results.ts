/**
 * Joins the three measurements of each query (warm in the page, warm native, cold in a fresh page)
 * and checks the engines agree on the row count: a benchmark of a wrong answer is worth nothing.
 */
import type { QueryResult } from './bench-results.ts';
import type { WasmTiming } from './browser-queries.ts';
import type { ColdQuery } from './cold-queries.ts';
import type { EngineTiming } from './engine-timing.ts';
import { benchQueries, type QueryId } from './queries.ts';

export function queryResults(
  wasm: ReadonlyMap<QueryId, WasmTiming>,
  native: ReadonlyMap<QueryId, EngineTiming>,
  cold: ReadonlyMap<QueryId, ColdQuery>,
  factBytes: number,
): QueryResult[] {
  return benchQueries.map(({ id, label }) => {
    const inPage = wasm.get(id);
    const inNode = native.get(id);
    const first = cold.get(id);
    if (!inPage || !inNode || !first) throw new Error(`query ${id} was not measured on every engine`);
    if (new Set([inPage.rows, inNode.rows, first.rows]).size !== 1) {
      throw new Error(
        `query ${id} returned ${inPage.rows} rows in the page, ${first.rows} cold, ${inNode.rows} native`,
      );
    }
    return {
      id,
      label,
      wasm: inPage,
      native: inNode,
      wasmToNative: inPage.medianMs / inNode.medianMs,
      cold: { ...first, shareOfFile: first.fact.bytes / factBytes },
    };
  });
}
