/**
 * A whole result as CSV (RFC 4180): comma-separated, CRLF between records, a header of column names.
 * A field is quoted when it holds a comma, a quote, CR or LF, or leading/trailing blanks, with inner
 * quotes doubled; NULL is an empty field and the empty string a quoted `""`, so readers such as
 * DuckDB's read_csv tell them apart. Values are written as the engine returned them (numbers in JS
 * shortest round-trip form, dates as ISO text, lists and structs as JSON), never reformatted.
 */
import type { Plain } from '../arrow-rows.ts';
import type { ResultSet } from './result-set.ts';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV field; `null` alone stays unquoted and empty. */
export function csvField(value: Plain): string {
  if (value === null) return '';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quoted(JSON.stringify(value));
}

/** Every row of the result, not only the rows on screen. */
export function resultCsv(result: ResultSet): string {
  const lines: string[] = [result.columns.map((column) => quoted(column.name)).join(',')];
  const width = result.columns.length;
  for (let row = 0; row < result.rowCount; row++) {
    const fields: string[] = [];
    for (let column = 0; column < width; column++) fields.push(csvField(result.cell(row, column)));
    lines.push(fields.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
