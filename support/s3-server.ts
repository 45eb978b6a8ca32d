/**
 * A real S3-compatible server for tests and benchmarks: @20minutes/s3rver in a child process
 * (support/s3-server-process.ts) on a free loopback port, with a fresh bucket and a random key pair.
 * `env` holds the AWS SDK variables a CLI or client needs to reach it. Stop it with stop() (SIGTERM,
 * then SIGKILL); kill() ends it abruptly for fault injection, and passing the same `port` and
 * `dataDir` to a new server brings the same bucket back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface S3TestServer {
  endpoint: string;
  port: number;
  bucket: string;
  dataDir: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION for this server. */
  env: Record<string, string>;
  /** The public URL of `key` in the bucket (path-style, as a browser opens it). */
  url(key: string): string;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export interface S3ServerOptions {
  bucket?: string;
  /** A fixed port (to restart a killed server on the same endpoint); default: any free port. */
  port?: number;
  /** Folder holding the objects; default: a temp folder removed by stop(). Given ones are kept. */
  dataDir?: string;
  /** Answer cross-origin GET/HEAD with the headers DuckDB-WASM needs (default true). */
  cors?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
}

const PROCESS = path.join(import.meta.dirname, 's3-server-process.ts');
const START_TIMEOUT_MS = 20_000;

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`S3 test server did not start:\n${stderr}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^\{"port":(\d+)\}$/m.exec(stdout);
      if (line?.[1]) {
        clearTimeout(timer);
        resolve(Number(line[1]));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`S3 test server exited (${code}) before listening:\n${stderr}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startS3Server(options: S3ServerOptions = {}): Promise<S3TestServer> {
  const bucket = options.bucket ?? 'nova-test';
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 's3-server-')));
  const accessKeyId = options.accessKeyId ?? `test-${randomBytes(6).toString('hex')}`;
  const secretAccessKey = options.secretAccessKey ?? randomBytes(18).toString('base64url');
  const args = ['--import', 'tsx', PROCESS, '--dir', dataDir, '--port', String(options.port ?? 0)];
  // `--name=value`: a base64url secret may start with '-', which parseArgs would take for an option.
  args.push(`--bucket=${bucket}`, `--access-key=${accessKeyId}`, `--secret-key=${secretAccessKey}`);
  if (options.cors ?? true) args.push('--cors');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let port: number;
  try {
    port = await waitForPort(child);
  } catch (error) {
    child.kill('SIGKILL');
    if (ownsDir) await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  const end = async (signal: NodeJS.Signals) => {
    const done = exited(child);
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await done;
    clearTimeout(timer);
  };
  return {
    endpoint,
    port,
    bucket,
    dataDir,
    accessKeyId,
    secretAccessKey,
    env: {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: secretAccessKey,
      AWS_REGION: 'us-east-1',
      // Never look for credentials on an instance metadata endpoint (off this machine).
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    url: (key) => `${endpoint}/${bucket}/${key}`,
    async stop() {
      await end('SIGTERM');
      if (ownsDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
    kill: () => end('SIGKILL'),
  };
}

/**
 * A plain SDK client for the server, to look at the bucket independently of the builder's own
 * client (path-style, the test key pair, no retries so faults show at once).
 */
export function testS3Client(server: S3TestServer): S3Client {
  // The pinned SDK's Node 20 notice (see README) is noise in test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new S3Client({
    endpoint: server.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  });
}
