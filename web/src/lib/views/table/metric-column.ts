/**
 * A column of a metric table: its heading, the text each cell shows and, for numbers, the value
 * behind that text (written to `data-value`, so tests and scripts read the figure unformatted).
 */
export interface MetricColumn<Row> {
  /** Written to each cell's `data-metric`; the name tests and scripts find the figure by. */
  key: string;
  label: string;
  /** What the cell says; rendered as text, never as HTML. */
  text: (row: Row) => string;
  /** The number the text formats; absent for text columns. */
  value?: (row: Row) => number | null;
  /** Text columns read left to right; figures line up on the right (the default). */
  align?: 'start' | 'end';
}

/** A missing figure as a dash, an infinite one (a ratio over zero) as ∞, any other formatted. */
export const showFigure = (value: number | null, format: (v: number) => string): string =>
  value === null ? '—' : Number.isFinite(value) ? format(value) : '∞';

/** A column of figures: the value behind each cell and how it reads (dash when missing, ∞ when infinite). */
export function figureColumn<Row>(
  key: string,
  label: string,
  value: (row: Row) => number | null,
  format: (v: number) => string,
): MetricColumn<Row> {
  return { key, label, value, text: (row) => showFigure(value(row), format) };
}
