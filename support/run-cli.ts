import { spawn } from 'node:child_process';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts a TypeScript CLI of this repo in a child Node process (through tsx), as a user would. */
export function spawnCli(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a TypeScript CLI of this repo to its end, with what it printed and how it exited. */
export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(script, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export const BUILDER_CLI = 'builder/src/cli.ts';
export const FORECAST_CLI = 'ml/src/cli.ts';

/**
 * Forecast options for tests that need real forecasts in gold rather than a particular model: the
 * four quick candidates (the others take seconds per series; one integration test runs them all).
 */
export const QUICK_FORECAST_ARGS = ['--models', 'seasonal_naive,croston,sba,tsb'];
