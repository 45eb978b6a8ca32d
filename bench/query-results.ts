/**
 * Joins the two warm measurements of each dashboard query (in the page, native) and checks the
 * engines agree on the row count: a benchmark of a wrong answer is worth nothing.
 */
import type { QueryResult } from './bench-results.ts';
import type { WasmTiming } from './browser-queries.ts';
import type { DashboardStatement } from './dashboard-queries.ts';
import type { EngineTiming } from './engine-timing.ts';
import { wasmToNative } from './query-summary.ts';

export function queryResults(
  statements: readonly DashboardStatement[],
  wasm: ReadonlyMap<string, WasmTiming>,
  native: ReadonlyMap<string, EngineTiming>,
): QueryResult[] {
  return statements.map(({ query, sql, params }) => {
    const inPage = wasm.get(query.id);
    const inNode = native.get(query.id);
    if (!inPage || !inNode) throw new Error(`query ${query.id} was not measured on both engines`);
    if (inPage.rows !== inNode.rows) {
      throw new Error(`query ${query.id} returned ${inPage.rows} rows in the page, ${inNode.rows} native`);
    }
    return {
      id: query.id,
      page: query.page,
      label: query.label,
      sql,
      params,
      wasm: inPage,
      native: inNode,
      wasmToNative: wasmToNative(inPage.medianMs, inNode.medianMs),
    };
  });
}
