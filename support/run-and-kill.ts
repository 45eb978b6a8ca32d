/**
 * Kill-point fault injection: runs a TypeScript CLI of this repo (through tsx, as runCli does) and
 * SIGKILLs it once `when` says so, polled every 25 ms with everything the CLI has printed so far.
 * Resolves with that output when the child has exited.
 */
import { spawn } from 'node:child_process';

export function runAndKill(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  when: (output: string) => Promise<boolean>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let polling = false;
    const poll = setInterval(() => {
      if (polling) return;
      polling = true;
      void when(output)
        .then((kill) => {
          if (kill) child.kill('SIGKILL');
        })
        .finally(() => (polling = false));
    }, 25);
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(poll);
      resolve(output);
    });
  });
}
