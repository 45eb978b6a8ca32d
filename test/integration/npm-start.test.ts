/**
 * `npm start` as the README promises: on an empty DATA_DIR it builds the demo lakehouse and the
 * app, serves both from one origin and prints the URL; a busy port is a clear error.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectManifestIntact } from '../helpers/lakehouse.ts';
import { runCli } from '#support/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const START = 'scripts/start.ts';

describe('npm start', () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('start'));
  });

  afterAll(() => cleanup());

  it('builds the demo lakehouse, serves app and data, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', START], {
      env: { ...process.env, DATA_DIR: `${dir}/data`, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        const match = /dashboard: (http:\/\/\S+\/)index\.html/.exec(output);
        if (match?.[1]) {
          clearInterval(poll);
          resolve(match[1]);
        }
        if (child.exitCode !== null) {
          clearInterval(poll);
          reject(new Error(`start exited early:\n${output}`));
        }
      }, 100);
    });
    try {
      expect(output).toMatch(/building the demo lakehouse/);
      const manifest = await expectManifestIntact(`${dir}/data`);
      const page = await fetch(`${url}index.html`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const served = await fetch(`${url}gold/manifest.json`);
      expect(served.headers.get('cache-control')).toBe('no-cache');
      expect(((await served.json()) as { build_id: string }).build_id).toBe(manifest.build_id);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 180_000);

  it('says which port is busy and exits 4', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await runCli(START, [], { DATA_DIR: `${dir}/data`, PORT: String(port) });
      expect(result.code).toBe(4);
      expect(result.stderr).toMatch(new RegExp(`port ${port} is already in use; set PORT to another port`));
    } finally {
      blocker.close();
    }
  }, 180_000);
});
