import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureTree, type FixtureTree } from './fixture-tree.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `untilStdout` sends SIGTERM once stdout matches (for the long-running case). */
function runCli(
  args: string[],
  env: Readonly<Record<string, string | undefined>> = {},
  untilStdout?: RegExp,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'static-server/src/cli.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (untilStdout?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('static-server cli', () => {
  let tree: FixtureTree;

  beforeAll(async () => {
    tree = await createFixtureTree();
  });

  afterAll(async () => {
    await tree?.remove();
  });

  it('prints usage for --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: tsx static-server/src/cli.ts');
  });

  it.each([
    {
      name: 'an unknown option',
      args: ['--bogus'],
      env: {},
      code: 2,
      line: "static-server: Unknown option '--bogus'",
    },
    { name: 'a bad PORT', args: [], env: { PORT: 'http' }, code: 2, line: 'static-server: PORT must be' },
    {
      name: 'a missing root',
      args: ['--root', '/nonexistent/static-server-root'],
      env: { PORT: '0' },
      code: 4,
      line: 'static-server: root folder /nonexistent/static-server-root does not exist',
    },
  ])('exits $code with one line and no stack for $name', async ({ args, env, code, line }) => {
    const run = await runCli(args, env);
    expect(run.code).toBe(code);
    expect(run.stderr.split('\n')[0]).toContain(line);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 4 naming the port when it is busy', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const run = await runCli(['--root', tree.app], { PORT: String(port) });
      expect(run.code).toBe(4);
      expect(run.stderr.trim()).toBe(
        `static-server: port ${port} is already in use; set PORT to another port`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('prints the URL, serves, and exits 0 on SIGTERM', async () => {
    const run = await runCli(['--root', tree.app, '--root', tree.data], { PORT: '0' }, /http:\/\/\S+\//);
    expect(run.stdout).toMatch(/^static-server: serving .* at http:\/\/127\.0\.0\.1:\d+\/$/m);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
