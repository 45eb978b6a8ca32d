/**
 * What one `npm run bench` measures: `--quick` keeps the whole run under two minutes on the
 * two-core reference machine, the full mode adds the 10M-row lakehouse and more samples, and
 * `--scale` builds one 100M-row lakehouse (about 91,000 items × 3 years) and measures it alone.
 */
import { parseArgs } from 'node:util';
import { daysBetweenInclusive, FACT_ROW_GROUP_SIZE } from '#builder';

export type BenchMode = 'quick' | 'full' | 'scale';

export interface BenchConfig {
  mode: BenchMode;
  /** Fact rows aimed at per lakehouse; items = rows / days, so actual rows are a little lower. */
  targetRows: readonly number[];
  /** Three full years (2024 is a leap year): 1096 days of fact per item. */
  window: { from: string; to: string };
  seed: number;
  /** Timed runs per query and engine; the median is reported. */
  runs: number;
  /**
   * The layouts of the item's file the sweep writes (none in scale mode): a row-group size, and
   * the share of the file's items kept (1: the whole file; 4: the quarter holding the item, as a
   * file of a quarter of the rows would be). The builder's current layout is among them.
   */
  sweep: readonly { rowGroupSize: number; filePart: number }[];
  /** The seed's claim: a warm query answers in under this many ms. */
  interactiveMs: number;
  /** Items spread over the lakehouse whose daily history is fetched cold, each in a fresh session. */
  coldItems: number;
  /** Fill the largest lakehouse's forecast tables (the four quick candidates) before the browser runs. */
  forecast: boolean;
  /**
   * A lakehouse bench/build-once.ts already built (with its JSON line in build-measurement.json
   * beside gold/), measured instead of building one: reruns the browser half of `--scale` without
   * another 100M-row build.
   */
  builtDir: string | undefined;
}

const WINDOW = { from: '2022-01-01', to: '2024-12-31' } as const;

const SWEEP = [
  { rowGroupSize: 16_384, filePart: 1 },
  { rowGroupSize: FACT_ROW_GROUP_SIZE, filePart: 1 },
  { rowGroupSize: 131_072, filePart: 1 },
  { rowGroupSize: 16_384, filePart: 4 },
  { rowGroupSize: 32_768, filePart: 4 },
  { rowGroupSize: FACT_ROW_GROUP_SIZE, filePart: 4 },
] as const;

const WINDOW_DAYS = daysBetweenInclusive(WINDOW.from, WINDOW.to);

export function benchConfig(argv: readonly string[]): BenchConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'boolean', default: false },
      built: { type: 'string' },
    },
    strict: true,
  });
  if (values.quick === true && values.scale === true)
    throw new Error('--quick and --scale exclude each other');
  const mode: BenchMode = values.quick === true ? 'quick' : values.scale === true ? 'scale' : 'full';
  const sizes: Record<BenchMode, number[]> = {
    quick: [100_000, 1_000_000],
    full: [100_000, 1_000_000, 10_000_000],
    scale: [100_000_000],
  };
  return {
    mode,
    targetRows: sizes[mode],
    window: WINDOW,
    seed: 42,
    runs: mode === 'full' ? 15 : 5,
    sweep: mode === 'scale' ? [] : SWEEP,
    interactiveMs: 100,
    coldItems: 12,
    // 91,000 items take the forecast job far longer than the build; the scale run measures serving.
    forecast: mode !== 'scale',
    builtDir: values.built,
  };
}

/** Items for a target row count: one fact row per item and day. */
export function itemsFor(targetRows: number): number {
  return Math.max(1, Math.round(targetRows / WINDOW_DAYS));
}
