/**
 * SIGKILL at seeded random points of a builder run's publish, and what a reader then sees. The
 * kill is timed from the moment silver validation is reported (gold building and publishing come
 * after it) by a delay drawn uniformly from [0, span], where span is how long that stretch took
 * in an unkilled run, so the points cover gold staging, uploads and the manifest write alike.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { BUILDER_CLI } from '#support/run-cli.ts';

export const ANCHOR = /silver: validate movements/;

// The mock ERP's mulberry32, so a failing point can be replayed from its seed.
export { seededRandom } from '../../builder/src/sources/mock/random.ts';

export interface TimedRun {
  output: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** ms from the anchor line to the end of the process (undefined when the anchor never came). */
  afterAnchorMs: number | undefined;
}

/** Runs the builder; with `killAfterMs`, SIGKILLs it that long after the anchor line appears. */
export function runBuilder(args: string[], env: NodeJS.ProcessEnv, killAfterMs?: number): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BUILDER_CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let anchorAt: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (anchorAt === undefined && ANCHOR.test(output)) {
        anchorAt = performance.now();
        if (killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const afterAnchorMs = anchorAt === undefined ? undefined : performance.now() - anchorAt;
      resolve({ output, code, signal, afterAnchorMs });
    });
  });
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
