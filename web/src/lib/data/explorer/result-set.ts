/**
 * A query result as the SQL explorer holds it: the Arrow record batches DuckDB-WASM streamed, read
 * cell by cell on demand. A 100k-row result is never turned into 100k objects; the table converts
 * only the rows on screen, and exports walk the batches once.
 */
import { plainValue, type ArrowDataType, type ArrowField, type Plain } from '../arrow-rows.ts';

/** The slice of an apache-arrow `RecordBatch` read here (see arrow-rows.ts for why structural). */
export interface ArrowBatch {
  readonly numRows: number;
  getChildAt(index: number): { get(index: number): unknown } | null;
}

export interface ArrowSchema {
  readonly fields: readonly ArrowField[];
}

export interface ResultColumn {
  readonly name: string;
  /** Arrow's name for the type (`Int32`, `Float64`, `Utf8`, `Date32<DAY>`…), shown as a hint. */
  readonly type: string;
  /** Numbers are right-aligned in the table. */
  readonly numeric: boolean;
}

export interface ResultSet {
  readonly columns: readonly ResultColumn[];
  readonly rowCount: number;
  /** The value at `row`, `column` (both 0-based), in the same plain shapes as `Db.query` rows. */
  cell(row: number, column: number): Plain;
}

// Arrow type ids (Schema.fbs): Int, Float, Decimal.
const NUMERIC_TYPE_IDS: ReadonlySet<number> = new Set([2, 3, 7]);

function typeName(type: ArrowDataType): string {
  const text = String(type);
  return text === '[object Object]' ? `type ${type.typeId}` : text;
}

/** Index of the batch holding `row`: the last start offset that is ≤ row (binary search). */
function batchOf(starts: readonly number[], row: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= row) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Columns are addressed by position, not name, so `SELECT 1 AS a, 2 AS a` keeps both. The schema
 * comes separately because an empty result has columns but no batch.
 */
export function resultFromBatches(schema: ArrowSchema, batches: readonly ArrowBatch[]): ResultSet {
  const fields = schema.fields;
  const starts: number[] = [];
  let rowCount = 0;
  for (const batch of batches) {
    starts.push(rowCount);
    rowCount += batch.numRows;
  }
  return {
    columns: fields.map((field) => ({
      name: field.name,
      type: typeName(field.type),
      numeric: NUMERIC_TYPE_IDS.has(field.type.typeId),
    })),
    rowCount,
    cell(row, column) {
      const field = fields[column];
      if (!field || row < 0 || row >= rowCount) {
        throw new RangeError(`no cell at row ${row}, column ${column} of ${rowCount} × ${fields.length}`);
      }
      const index = batchOf(starts, row);
      const batch = batches[index];
      const value = batch?.getChildAt(column)?.get(row - (starts[index] ?? 0));
      return plainValue(value, field.type);
    },
  };
}
