/**
 * The bad-input corpus: every file under test/corpus/files with what the builder must do with it,
 * run through the real CLI by corpus.test.ts on a copy of a lakehouse that already has a build.
 *
 * - `loads`: exit 0 and a new build; `rows` is the number of data records in the file (counted by
 *   hand from the file: none may be dropped silently), `duplicates` and `rejected` (by rule) what
 *   silver must set aside. Row conservation then fixes the validated count.
 * - `refuses`: exit 3 with one line `builder: …` matching `message` (naming the file and, where
 *   there is one, the line), no stack, and gold, the ledger and bronze exactly as before.
 *
 * Movement files use the sample mapping (builder/samples/erp-export/mapping.json: Portuguese
 * headers, decimal commas, dd/mm/yyyy) unless `mapping` names one under test/corpus/mappings.
 * Item-master cases (`itemMaster`) load test/corpus/files/movements-for-items.csv beside them.
 */

export interface Literal {
  /** silver/validated of the new batch, or gold dim_item. */
  from: 'validated' | 'dim_item';
  column: string;
  /** Values in file order (validated) or sorted by item_id (dim_item), exactly as expected. */
  values: readonly (string | number)[];
}

interface CaseBase {
  file: string;
  what: string;
  mapping?: string;
  itemMaster?: boolean;
}

export interface LoadsCase extends CaseBase {
  outcome: 'loads';
  rows: number;
  duplicates?: number;
  rejected?: Record<string, number>;
  literal?: Literal;
}

export interface RefusesCase extends CaseBase {
  outcome: 'refuses';
  message: RegExp;
}

export type CorpusCase = LoadsCase | RefusesCase;

const loads = (
  file: string,
  what: string,
  rest: Omit<LoadsCase, 'file' | 'what' | 'outcome'>,
): LoadsCase => ({
  file,
  what,
  outcome: 'loads',
  ...rest,
});
const refuses = (file: string, what: string, message: RegExp, rest: Partial<CaseBase> = {}): RefusesCase => ({
  file,
  what,
  outcome: 'refuses',
  message,
  ...rest,
});
const cannotRead = (file: string, format: 'CSV' | 'PARQUET', problem: string) =>
  new RegExp(`^builder: cannot read ${file.replaceAll('.', '\\.')} as ${format}: ${problem}`);
const missingColumn = (what: string, columns: string) =>
  new RegExp(`^builder: ${what}: missing column ${columns}.*; the file has: `);

export const corpusCases: readonly CorpusCase[] = [
  // Encodings and dialects that are fine.
  loads('valid.csv', 'a clean UTF-8 export', { rows: 3 }),
  loads('utf8-bom.csv', 'UTF-8 with a byte-order mark before the header', { rows: 3 }),
  loads('latin1.csv', 'Latin-1 (the header is not valid UTF-8)', { rows: 3 }),
  loads('crlf.csv', 'Windows line endings', { rows: 3 }),
  loads('no-final-newline.csv', 'no newline after the last row', { rows: 3 }),
  loads('blank-lines.csv', 'blank lines between rows', { rows: 2 }),
  loads('comma-separated.csv', '`,` separator with a quoted decimal comma', {
    rows: 2,
    literal: { from: 'validated', column: 'quantity', values: [2, 12.5] },
  }),
  loads('tab-separated.tsv', 'tab separator', { rows: 2 }),
  loads('quoted-newline.csv', 'quoted fields holding a newline, a separator and doubled quotes', {
    rows: 3,
    literal: { from: 'validated', column: 'site_id', values: ['BA-0001\nANNEX', 'BA "NORTH"', 'BA;0003'] },
  }),
  loads('extra-columns.csv', 'columns the mapping does not name', { rows: 2 }),
  loads('decimal-comma-thousands-dot.csv', 'decimal commas and thousands dots', {
    rows: 4,
    literal: { from: 'validated', column: 'quantity', values: [2.5, 1234.5, 1_000_000, 7] },
  }),
  loads('decimal-point.csv', 'decimal points and thousands commas (mapping says ".")', {
    rows: 2,
    mapping: 'decimal-point.json',
    literal: { from: 'validated', column: 'quantity', values: [2.5, 1234.5] },
  }),
  loads('iso-dates.csv', 'ISO dates in a dd/mm/yyyy export', { rows: 2 }),
  loads('code-case-and-spaces.csv', 'codes in lower case with spaces', {
    rows: 2,
    literal: { from: 'validated', column: 'item_id', values: ['BAT-100AH', 'CAB-EN16'] },
  }),
  loads('nul-bytes.csv', 'a NUL byte inside a field, kept as sent', { rows: 2 }),

  // Bad rows quarantined in silver/rejected, the rest published.
  loads('bad-dates.csv', '31 February, month 13, words, empty, a five-digit year', {
    rows: 6,
    rejected: { BAD_DATE: 5 },
  }),
  loads('future-date.csv', 'dates after the ingestion day (2099, 9999)', {
    rows: 3,
    rejected: { FUTURE_DATE: 2 },
  }),
  loads('ancient-dates.csv', 'years 1900 and 0025, which would stretch the daily grid over centuries', {
    rows: 3,
    rejected: { BAD_DATE: 2 },
  }),
  loads('negative-and-zero-quantities.csv', 'negative, zero and minus zero', {
    rows: 4,
    rejected: { NON_POSITIVE_QUANTITY: 3 },
  }),
  loads('nan-and-infinite-quantities.csv', 'NaN, nan, inf, Infinity, -inf', {
    rows: 6,
    rejected: { BAD_QUANTITY: 5 },
  }),
  loads('huge-quantities.csv', '1e308, 1e400 and 10^20 units in one movement', {
    rows: 4,
    rejected: { BAD_QUANTITY: 3 },
    literal: { from: 'validated', column: 'quantity', values: [1_000_000] },
  }),
  loads('text-quantities.csv', 'words, "1,2,3", empty, hexadecimal', {
    rows: 5,
    rejected: { BAD_QUANTITY: 4 },
  }),
  loads('unknown-items.csv', 'an item not in the master and an empty item code', {
    rows: 3,
    rejected: { UNKNOWN_ITEM: 2 },
  }),
  loads('missing-ids.csv', 'empty and blank movement ids', { rows: 3, rejected: { MISSING_ID: 2 } }),
  loads('duplicate-rows.csv', 'the same movement three times, and again in lower case', {
    rows: 5,
    duplicates: 3,
    literal: { from: 'validated', column: 'quantity', values: [1, 2] },
  }),
  loads('sql-looking-strings.csv', 'SQL in ids, item codes and sites, kept as text', {
    rows: 3,
    rejected: { UNKNOWN_ITEM: 1 },
    literal: {
      from: 'validated',
      column: 'site_id',
      values: ["'; DROP TABLE X; --", "$1 ? %S {{X}} \\' \\\\"],
    },
  }),
  loads('html-strings.csv', 'HTML in a site and an item code, kept as text', {
    rows: 2,
    rejected: { UNKNOWN_ITEM: 1 },
    literal: { from: 'validated', column: 'site_id', values: ['<IMG SRC=X ONERROR=ALERT(1)>'] },
  }),
  loads('items-hostile-names.csv', 'an item master with HTML and SQL in names and suppliers', {
    itemMaster: true,
    rows: 3,
    rejected: { UNKNOWN_ITEM: 1 },
    literal: {
      from: 'dim_item',
      column: 'name',
      values: ["'; DROP TABLE x; --", '<img src=x onerror=alert(1)>'],
    },
  }),
  loads('items-duplicate-ids.csv', 'an item master naming one item twice (the first wins)', {
    itemMaster: true,
    rows: 3,
    rejected: { UNKNOWN_ITEM: 2 },
  }),
  loads('valid.parquet', 'a Parquet export of text columns', { rows: 2 }),
  loads('typed-columns.parquet', 'a Parquet export with DATE, INTEGER and NULL values', {
    rows: 3,
    rejected: { BAD_DATE: 1 },
  }),
  loads('struct-column.parquet', 'a Parquet export with a nested column', { rows: 3 }),

  // Refused as a whole: one line naming the file (and line) and the problem.
  refuses('zero-bytes.csv', 'an empty file', cannotRead('zero-bytes.csv', 'CSV', 'the file is empty')),
  refuses(
    'whitespace-only.csv',
    'blank lines only',
    cannotRead('whitespace-only.csv', 'CSV', 'line 1 is empty'),
  ),
  refuses('header-only.csv', 'a header and no rows', /^builder: header-only\.csv has no data rows/),
  refuses(
    'header-only-no-newline.csv',
    'a header without a newline',
    /^builder: header-only-no-newline\.csv has no data rows/,
  ),
  refuses(
    'binary-garbage.csv',
    'random bytes',
    cannotRead('binary-garbage.csv', 'CSV', 'line 1: column 1 holds control characters'),
  ),
  refuses(
    'duplicated-header.csv',
    'a column named twice',
    cannotRead(
      'duplicated-header.csv',
      'CSV',
      'line 1: column "Quantidade" appears twice \\(columns 4 and 5\\)',
    ),
  ),
  refuses(
    'mixed-separators.csv',
    'one row with `,` in a `;` export',
    cannotRead('mixed-separators.csv', 'CSV', 'line 3: Expected Number of Columns: 5 Found: 1'),
  ),
  refuses(
    'ragged-short-row.csv',
    'a row with too few fields',
    cannotRead('ragged-short-row.csv', 'CSV', 'line 3: Expected Number of Columns: 5 Found: 3'),
  ),
  refuses(
    'ragged-long-row.csv',
    'a row with too many fields (DuckDB once skipped the header for it)',
    cannotRead('ragged-long-row.csv', 'CSV', 'line 3: Expected Number of Columns: 5 Found: 6'),
  ),
  refuses(
    'unterminated-quote.csv',
    'a quote that never closes',
    cannotRead('unterminated-quote.csv', 'CSV', 'line 2: Value with unterminated quote found'),
  ),
  refuses(
    'latin1-bytes-in-utf8.csv',
    'a UTF-8 header over a Latin-1 row',
    cannotRead('latin1-bytes-in-utf8.csv', 'CSV', 'line 2 is not valid UTF-8 but the header is'),
  ),
  refuses(
    'missing-quantity-column.csv',
    'no quantity column',
    missingColumn('movements export', '"Quantidade" \\(for quantity\\)'),
  ),
  refuses(
    'english-headers.csv',
    'headers the mapping does not know',
    missingColumn('movements export', '"Nº Documento" \\(for movement_id\\)'),
  ),
  refuses(
    'no-header.csv',
    'data from the first line on',
    missingColumn('movements export', '"Nº Documento"'),
  ),
  refuses(
    'header-case-and-spaces.csv',
    'headers in another case with spaces',
    missingColumn('movements export', '"Nº Documento"'),
  ),
  refuses(
    'items-missing-column.csv',
    'an item master without costs',
    missingColumn('item master', '"Custo Unitário \\(R\\$\\)" \\(for unit_cost_brl\\)'),
    { itemMaster: true },
  ),
  refuses(
    'zero-bytes.parquet',
    'an empty .parquet',
    cannotRead('zero-bytes.parquet', 'PARQUET', ".*'zero-bytes\\.parquet' too small"),
  ),
  refuses(
    'magic-only.parquet',
    'just the magic bytes',
    cannotRead('magic-only.parquet', 'PARQUET', ".*'magic-only\\.parquet' too small"),
  ),
  refuses(
    'csv-named-parquet.parquet',
    'CSV text named .parquet',
    cannotRead('csv-named-parquet.parquet', 'PARQUET', '.*No magic bytes'),
  ),
  refuses(
    'truncated-half.parquet',
    'the first half of a Parquet file',
    cannotRead('truncated-half.parquet', 'PARQUET', '.*No magic bytes'),
  ),
  refuses(
    'truncated-footer.parquet',
    'a Parquet file missing its last 3 bytes',
    cannotRead('truncated-footer.parquet', 'PARQUET', '.*No magic bytes'),
  ),
  refuses(
    'corrupt-footer.parquet',
    'a Parquet footer with flipped bytes',
    cannotRead('corrupt-footer.parquet', 'PARQUET', '.+'),
  ),
  refuses(
    'corrupt-data-pages.parquet',
    'Parquet data pages with flipped bytes',
    cannotRead('corrupt-data-pages.parquet', 'PARQUET', '.*corrupt-data-pages\\.parquet.*'),
  ),
  refuses(
    'zero-rows.parquet',
    'a Parquet file with a schema and no rows',
    /^builder: zero-rows\.parquet has no data rows/,
  ),
  refuses(
    'wrong-columns.parquet',
    'a Parquet file with other column names',
    missingColumn('movements export', '"Nº Documento"'),
  ),
];
