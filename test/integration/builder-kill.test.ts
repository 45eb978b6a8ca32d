/**
 * A run killed at any moment (SIGKILL: no cleanup code runs) leaves the previous manifest and every
 * file it names intact, and the next run recovers.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectManifestIntact } from '../helpers/lakehouse.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const window = ['--items', '60', '--from', '2024-01-01', '--to', '2025-06-30'];

/** Starts a run and SIGKILLs it when its output first matches `when`, or after `afterMs`. */
function runAndKill(out: string, seed: number, kill: { when?: RegExp; afterMs?: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', BUILDER_CLI, 'run', '--out', out, ...window, '--seed', String(seed)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const killNow = () => child.kill('SIGKILL');
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (kill.when?.test(output)) killNow();
    });
    const timer = kill.afterMs === undefined ? undefined : setTimeout(killNow, kill.afterMs);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

describe('builder killed mid-run', () => {
  let out: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = await makeTempDir('kill'));
    out = `${dir}/lake`;
    const first = await runCli(BUILDER_CLI, ['run', '--out', out, ...window, '--seed', '1']);
    expect(first.code).toBe(0);
  });

  afterAll(() => cleanup());

  it.each([
    { at: 'while generating the source', kill: { afterMs: 900 } },
    { at: 'after landing raw files', kill: { when: /bronze: land raw files/ } },
    { at: 'after silver validation', kill: { when: /silver: validate movements/ } },
    { at: 'while staging gold', kill: { when: /gold: fact_demand_daily/ } },
    { at: 'after staging the last table', kill: { when: /gold: fact_forecasts/ } },
  ])('killed $at: readers still see the previous build, whole', async ({ kill }) => {
    const before = await expectManifestIntact(out);
    const seed = 100 + Math.floor(Math.random() * 1000);
    const output = await runAndKill(out, seed, kill);
    expect(output).not.toMatch(/published build/);
    const after = await expectManifestIntact(out);
    expect(after.build_id).toBe(before.build_id);
  });

  it('the next run takes over the stale lock, clears leftovers and publishes', async () => {
    const before = await expectManifestIntact(out);
    const run = await runCli(BUILDER_CLI, ['run', '--out', out, ...window, '--seed', '2']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = await expectManifestIntact(out);
    expect(after.build_id).not.toBe(before.build_id);
  });
});
