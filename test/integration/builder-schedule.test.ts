/**
 * `run --schedule`: a long-running process that runs on every tick, never two at once, logs each
 * outcome and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectManifestIntact } from '../helpers/lakehouse.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('builder run --schedule', () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('schedule'));
  });

  afterAll(() => cleanup());

  it('runs on each tick without overlap and exits 0 on SIGTERM', async () => {
    // Every second, with runs that take longer than a second: ticks during a run must be skipped.
    const args = [
      'run',
      '--out',
      `${dir}/lake`,
      '--items',
      '150',
      '--from',
      '2023-01-01',
      '--to',
      '2025-12-31',
    ];
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', BUILDER_CLI, ...args, '--force', '--schedule', '* * * * * *', '--tz', 'UTC'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if ((output.match(/run succeeded/g) ?? []).length >= 2) {
          clearInterval(poll);
          resolve();
        }
      }, 100);
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/schedule: "\* \* \* \* \* \*" in UTC/);
    expect(output).toMatch(/SIGTERM received/);
    expect(output).toMatch(/schedule: stopped/);
    // Starts and outcomes alternate: a new run never starts before the previous one ended.
    const events = output.match(/run started|run succeeded|run failed/g) ?? [];
    events.forEach((event, index) => expect(event).toBe(index % 2 === 0 ? 'run started' : 'run succeeded'));
    await expectManifestIntact(`${dir}/lake`);
  }, 120_000);

  it.each([
    { args: ['--schedule', 'every day'], message: /--schedule "every day" is not a valid cron expression/ },
    {
      args: ['--schedule', '0 2 * * *', '--tz', 'Mars/Olympus'],
      message: /--tz "Mars\/Olympus" is not a known time zone/,
    },
    { args: ['--tz', 'UTC'], message: /--tz needs --schedule/ },
  ])('$args is a usage error', async ({ args, message }) => {
    const result = await runCli(BUILDER_CLI, ['run', '--out', `${dir}/other`, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
