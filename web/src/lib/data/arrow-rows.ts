/**
 * Arrow tables from DuckDB-WASM become plain objects here and nowhere else, so views, charts and
 * `nova.sql()` see the same values the Node tests see: DATE as `yyyy-mm-dd` text, timestamps as
 * ISO text, lists as arrays, structs as objects. BIGINT and DECIMAL are already doubles because the
 * database is opened with castBigIntToDouble/castDecimalToDouble; a stray bigint is still converted.
 */

// apache-arrow 13 publishes no typings its `exports` map can resolve, so the few parts used here
// are described structurally. Type ids and units are fixed by the Arrow format (Schema.fbs).
const ArrowType = { Date: 8, Timestamp: 10, List: 12, Struct: 13, FixedSizeList: 16 } as const;
const DATE_UNIT_DAY = 0;

export interface ArrowDataType {
  readonly typeId: number;
  readonly unit?: number;
  readonly children?: readonly ArrowField[] | null;
}
export interface ArrowField {
  readonly name: string;
  readonly type: ArrowDataType;
}
/** The slice of an apache-arrow `Table` this module reads. */
export interface ArrowTable {
  readonly schema: { readonly fields: readonly ArrowField[] };
  readonly numRows: number;
  getChild(name: string): { get(index: number): unknown } | null;
}

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(Number(value));
}

/** One Arrow cell as a plain value (also read cell by cell by the SQL explorer's result grid). */
export function plainValue(value: unknown, type: ArrowDataType): Plain {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case ArrowType.Date: {
      const iso = asDate(value).toISOString();
      // castTimestampToDate turns TIMESTAMP into Date64 (milliseconds); DATE stays Date32 (days).
      return type.unit === DATE_UNIT_DAY ? iso.slice(0, 10) : iso;
    }
    case ArrowType.Timestamp:
      return asDate(value).toISOString();
    case ArrowType.List:
    case ArrowType.FixedSizeList: {
      const itemType = type.children?.[0]?.type ?? type;
      return Array.from(value as Iterable<unknown>, (item) => plainValue(item, itemType));
    }
    case ArrowType.Struct:
      return plainRecord(value as Record<string, unknown>, type.children ?? []);
  }
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function plainRecord(source: Record<string, unknown>, fields: readonly ArrowField[]): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const field of fields) out[field.name] = plainValue(source[field.name], field.type);
  return out;
}

/** Every row of `table` as a plain object keyed by column name, in result order. */
export function arrowToRows(table: ArrowTable): Record<string, Plain>[] {
  const fields = table.schema.fields;
  const columns = fields.map((field) => table.getChild(field.name));
  const rows: Record<string, Plain>[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, Plain> = {};
    fields.forEach((field, c) => {
      row[field.name] = plainValue(columns[c]?.get(i), field.type);
    });
    rows.push(row);
  }
  return rows;
}
