/**
 * runAndKill against a real child process. Its probe looks at a live system (the S3 test server's
 * listings answer 500 while an upload writes that object's metadata), so a probe can fail: that is
 * "not known yet", asked again on the next tick, never a rejection nobody awaits; a probe that
 * fails every time until the child exits by itself fails the run with the probe's error.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAndKill } from '#support/run-and-kill.ts';

let dir: string;
let script: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'run-and-kill-'));
  script = path.join(dir, 'child.mjs');
  // Says it started, then exits by itself after the time given (unless killed first).
  await fs.writeFile(
    script,
    "process.stdout.write('started\\n'); setTimeout(() => process.exit(0), Number(process.argv[2]));\n",
  );
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('runAndKill', () => {
  it('kills the child once the probe says so, with what it printed', async () => {
    const output = await runAndKill(script, ['30000'], {}, (printed) =>
      Promise.resolve(printed.includes('started')),
    );
    expect(output).toBe('started\n');
  });

  it('a probe that fails is asked again on the next tick', async () => {
    let asked = 0;
    const started = Date.now();
    const output = await runAndKill(script, ['30000'], {}, async (printed) => {
      asked += 1;
      if (asked <= 2) throw new Error('S3 500: We encountered an internal error');
      return printed.includes('started');
    });
    expect(output).toBe('started\n');
    expect(asked).toBeGreaterThanOrEqual(3);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a probe that never answers fails the run with its error once the child exits by itself', async () => {
    await expect(
      runAndKill(script, ['1500'], {}, () => Promise.reject(new Error('S3 500: internal error'))),
    ).rejects.toThrow(/the kill probe never answered.*S3 500: internal error/);
  });
});
