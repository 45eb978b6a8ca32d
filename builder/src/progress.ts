/**
 * Progress of a run: one line per finished step (rows, bytes, seconds) and a summary table at the end.
 * The writer and the clock are passed in so tests can capture output and pin time.
 */

export interface StepResult {
  rows?: number;
  bytes?: number;
  detail?: string;
}

export interface StepRecord extends StepResult {
  step: string;
  seconds: number;
}

export interface Progress {
  /** Runs `work` as a named step, timing it and reporting its result. */
  step<T extends StepResult>(name: string, work: () => Promise<T>): Promise<T>;
  info(line: string): void;
  records(): readonly StepRecord[];
}

export function createProgress(
  write: (line: string) => void,
  now: () => number = performance.now.bind(performance),
): Progress {
  const records: StepRecord[] = [];
  return {
    async step(name, work) {
      const started = now();
      const result = await work();
      const record = { step: name, seconds: (now() - started) / 1000, ...result };
      records.push(record);
      write(formatStepLine(record));
      return result;
    },
    info: write,
    records: () => records,
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function formatStepLine(record: StepRecord): string {
  const parts = [`✓ ${record.step}`];
  if (record.rows !== undefined) parts.push(`${record.rows.toLocaleString('en-US')} rows`);
  if (record.bytes !== undefined) parts.push(formatBytes(record.bytes));
  parts.push(`${record.seconds.toFixed(2)} s`);
  if (record.detail) parts.push(record.detail);
  return parts.join('  ');
}

/** The end-of-run table: a row per step and a total line. */
export function formatSummaryTable(records: readonly StepRecord[]): string {
  const header = ['step', 'rows', 'bytes', 'seconds'];
  const body = records.map((r) => [
    r.step,
    r.rows === undefined ? '' : r.rows.toLocaleString('en-US'),
    r.bytes === undefined ? '' : formatBytes(r.bytes),
    r.seconds.toFixed(2),
  ]);
  const total = records.reduce((sum, r) => sum + r.seconds, 0);
  body.push(['total', '', '', total.toFixed(2)]);
  const rows = [header, ...body];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
