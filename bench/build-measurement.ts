/** What build-once.ts reports for one build, checked when it crosses the process boundary. */

export interface BuildMeasurement {
  items: number;
  factRows: number;
  factBytes: number;
  /** Wall time of the pipeline (mock export → bronze → silver → gold → publish). */
  seconds: number;
  /** Peak resident set size of the build's own process. */
  peakRssBytes: number;
  steps: { step: string; seconds: number }[];
  /** Every gold file of the build (all tables) and their bytes. */
  goldFiles: number;
  goldBytes: number;
}

function isStep(value: unknown): value is BuildMeasurement['steps'][number] {
  return (
    typeof value === 'object' &&
    value !== null &&
    'step' in value &&
    typeof value.step === 'string' &&
    'seconds' in value &&
    typeof value.seconds === 'number'
  );
}

export function isBuildMeasurement(value: unknown): value is BuildMeasurement {
  if (typeof value !== 'object' || value === null) return false;
  const numbers = [
    'items',
    'factRows',
    'factBytes',
    'seconds',
    'peakRssBytes',
    'goldFiles',
    'goldBytes',
  ] as const;
  return (
    numbers.every((key) => key in value && typeof (value as Record<string, unknown>)[key] === 'number') &&
    'steps' in value &&
    Array.isArray(value.steps) &&
    value.steps.every(isStep)
  );
}
