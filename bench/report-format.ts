/**
 * How the bench writes its numbers and tables, shared by the printed report and the README table
 * so both read alike.
 */
import { format } from 'd3-format';

export const count = format(',.0f');
export const ms = (value: number): string => (value < 10 ? `${value.toFixed(1)} ms` : `${count(value)} ms`);
export const times = (value: number): string => `${value.toFixed(1)}×`;

/** The build budgets: 10M rows in a minute, 100M rows in ten. */
export function buildGoal(factRows: number): string {
  if (factRows >= 50_000_000) return '≤ 10 min, ≤ 3 GB';
  if (factRows >= 5_000_000) return '≤ 60 s, ≤ 2 GB';
  return '';
}

/** A markdown table; a `|` inside a cell is escaped so it cannot split the row. */
/** The goal for one item's cold daily history: a share of the fact, or at 100M rows time and bytes. */
export function itemColdGoal(scale: boolean): string {
  return scale ? '≤ 500 ms, ≤ 1 MB' : '≤ 1 % (goal 0.5 %)';
}

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}
