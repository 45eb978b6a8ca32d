/**
 * Load on the static host over loopback: 200 concurrent connections reading random 64 KiB ranges
 * of a Parquet-sized file for 30 s (autocannon, bounded in time, loopback only). Every answer must
 * be a 206 with no error or timeout; the figures (req/s, p50, p99) are printed for the report and
 * never asserted, since the machine is shared.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { makeTempDir } from '../helpers/temp-dir.ts';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; path: string; setupRequest: (req: AutocannonRequest) => AutocannonRequest }[];
}) => Promise<AutocannonResult>;

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

const SIZE = 8 * 1024 * 1024;
const RANGE = 64 * 1024;
const FILE = 'gold/20260101T000000Z-load/fact_demand_daily.parquet';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: ChildProcess;
let url: string;

/** The static server as users run it (its CLI, its own process), so the load client does not share its event loop. */
function startServerProcess(root: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'static-server/src/cli.ts', '--root', root], {
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = / at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`static server exited (${code}): ${output}`)));
    child.once('error', reject);
  });
}

beforeAll(async () => {
  temp = await makeTempDir('faults-load');
  const file = path.join(temp.dir, FILE);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, randomBytes(SIZE));
  ({ child: server, url } = await startServerProcess(temp.dir));
});

afterAll(async () => {
  server?.kill('SIGTERM');
  await temp?.cleanup();
});

describe('static host under load', () => {
  it('200 concurrent range readers for 30 s: only 206s, no errors', async () => {
    let seed = 7;
    const nextStart = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed % (SIZE / RANGE)) * RANGE;
    };
    const result = await autocannon({
      url,
      connections: 200,
      duration: 30,
      requests: [
        {
          method: 'GET',
          path: `/${FILE}`,
          setupRequest: (req) => {
            const start = nextStart();
            return { ...req, headers: { ...req.headers, range: `bytes=${start}-${start + RANGE - 1}` } };
          },
        },
      ],
    });
    console.log(
      `[faults] static load: ${Math.round(result.requests.average)} req/s (${result.requests.total} in 30 s, ${(result.throughput.average / 1024 / 1024).toFixed(1)} MiB/s), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
    );
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(Object.keys(result.statusCodeStats)).toEqual(['206']);
    expect(result.requests.total).toBeGreaterThan(0);
  }, 120_000);
});
