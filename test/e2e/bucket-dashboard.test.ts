/**
 * The product served from one bucket URL: the real builder CLI publishes a lakehouse and the app to
 * a real S3-compatible server (a separate process), and headless Chromium opens
 * `<endpoint>/<bucket>/<prefix>/index.html` with nothing else serving. Checks the KPIs DuckDB-WASM
 * computes from the bucket against native DuckDB on the same files, that Parquet came by Range
 * (206), what one item's query fetched from the bucket, and that the same build works with
 * `?data=<bucket url>` when the app is hosted on another origin (CORS).
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isManifest, summaryKpiKeys, tablePaths, type Manifest } from '#schema/manifest.ts';
import { startStaticServer, type StaticServer } from '#static-server';
import { launchChromium } from '#support/chromium.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { startS3Server, testS3Client, type S3TestServer } from '#support/s3-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { nativeKpis } from './native-kpis.ts';

const LAKEHOUSE = ['--items', '400', '--from', '2024-01-01', '--to', '2024-12-31', '--seed', '11'];
const PREFIX = 'demo/nova';
const PROBE_KEY = `${PREFIX}/probe/fact_demand_daily.parquet`;

interface Fetched {
  url: string;
  method: string;
  status: number;
  range: string | undefined;
  bytes: number;
  contentType: string | undefined;
}

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let s3: S3TestServer;
let browser: BrowserContext;
let page: Page;
let manifest: Manifest;
const fetched: Fetched[] = [];
let firstLoad: Fetched[] = [];

const nearlyEqual = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const bytesOf = (entries: Fetched[], url: string) =>
  entries.filter((e) => e.url === url && e.method === 'GET').reduce((sum, e) => sum + e.bytes, 0);

async function record(response: Response): Promise<void> {
  const request = response.request();
  const headers = await request.allHeaders();
  const answer = await response.allHeaders();
  fetched.push({
    url: response.url().split('?')[0] ?? '',
    method: request.method(),
    status: response.status(),
    range: headers.range,
    bytes: Number(answer['content-length'] ?? 0),
    contentType: answer['content-type'],
  });
}

async function download(key: string, file: string): Promise<string> {
  const response = await fetch(s3.url(key));
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

beforeAll(async () => {
  temp = await makeTempDir('bucket-e2e');
  s3 = await startS3Server();
  const location = `s3://${s3.bucket}/${PREFIX}`;
  const run = await runCli(BUILDER_CLI, ['run', '--s3', location, ...LAKEHOUSE], s3.env);
  if (run.code !== 0) throw new Error(`builder failed (${run.code}): ${run.stderr}`);
  const webDir = join(temp.dir, 'web');
  await build({
    configFile: resolve('web/vite.config.ts'),
    build: { outDir: webDir, emptyOutDir: true },
    logLevel: 'warn',
  });
  const web = await runCli(BUILDER_CLI, ['publish-web', '--s3', location, '--dist', webDir], s3.env);
  if (web.code !== 0) throw new Error(`publish-web failed (${web.code}): ${web.stderr}`);
  expect(web.stdout).toContain(`open ${s3.url(`${PREFIX}/index.html`)}`);

  const parsed: unknown = await (await fetch(s3.url(`${PREFIX}/gold/manifest.json`))).json();
  if (!isManifest(parsed)) throw new Error('the bucket holds no valid manifest');
  manifest = parsed;
  browser = await launchChromium(join(temp.dir, 'profile'));
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('response', (response) => void record(response));
  await page.goto(s3.url(`${PREFIX}/index.html`));
  await page.waitForSelector('[data-kpi][data-source=duckdb]', { timeout: 60_000 });
  await page.waitForSelector('[data-table="top-items"] tbody tr', { timeout: 30_000 });
  firstLoad = [...fetched];
});

afterAll(async () => {
  await browser?.close();
  await s3?.stop();
  await temp?.cleanup();
});

describe('the app opened from the bucket URL', () => {
  it('loads everything from the bucket, app and data', () => {
    const origin = new URL(s3.endpoint).origin;
    const foreign = firstLoad.filter((e) => !e.url.startsWith(origin) && !e.url.startsWith('data:'));
    expect(foreign).toEqual([]);
    const typeOf = (suffix: string) => firstLoad.find((e) => e.url.endsWith(suffix))?.contentType;
    // Browsers refuse streaming compilation and module scripts under any other type.
    expect(typeOf('.wasm')).toBe('application/wasm');
    expect(typeOf('.js')).toMatch(/^text\/javascript/);
    expect(typeOf('index.html')).toMatch(/^text\/html/);
    expect(typeOf('manifest.json')).toMatch(/^application\/json/);
  });

  it('shows the KPIs DuckDB-WASM computes from the bucket, equal to native DuckDB on the same files', async () => {
    const local = (table: 'fact_demand_daily' | 'dim_item') =>
      Promise.all(
        manifest.tables[table].files.map((file, index) =>
          download(`${PREFIX}/${file.path}`, join(temp.dir, `${table}-${index}.parquet`)),
        ),
      );
    const [fact, items] = await Promise.all([local('fact_demand_daily'), local('dim_item')]);
    const native = await nativeKpis({ fact, items });
    for (const key of summaryKpiKeys) {
      const card = page.locator(`[data-kpi="${key}"]`);
      await expect(card.getAttribute('data-source')).resolves.toBe('duckdb');
      const shown = Number(await card.getAttribute('data-value'));
      expect(nearlyEqual(shown, native[key]), `${key}: page ${shown}, native ${native[key]}`).toBe(true);
    }
  });

  it('reads Parquet from the bucket by Range: 206 on the HEAD probe and on every GET, no suffix ranges', () => {
    const factUrls = new Set(
      tablePaths(manifest.tables.fact_demand_daily).map((p) => s3.url(`${PREFIX}/${p}`)),
    );
    const fact = firstLoad.filter((e) => factUrls.has(e.url));
    expect(fact.some((e) => e.method === 'HEAD' && e.status === 206)).toBe(true);
    const gets = fact.filter((e) => e.method === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    expect(gets.every((e) => e.status === 206)).toBe(true);
    // The stand-in answers a suffix range (bytes=-N) with the wrong bytes; DuckDB-WASM never sends one.
    const parquet = firstLoad.filter((e) => e.url.endsWith('.parquet') && e.range !== undefined);
    expect(parquet.filter((e) => /^bytes=-/.test(e.range ?? ''))).toEqual([]);
  });

  it("fetches a small part of the fact for one item's query", async () => {
    // A copy under a key nobody has read, so the query starts cold.
    const client = testS3Client(s3);
    const body = await (
      await fetch(s3.url(`${PREFIX}/${tablePaths(manifest.tables.fact_demand_daily)[0] ?? ''}`))
    ).arrayBuffer();
    await client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: PROBE_KEY,
        Body: Buffer.from(body),
        ContentType: 'application/vnd.apache.parquet',
      }),
    );
    client.destroy();
    const [first] = await page.evaluate(() => window.nova.sql('select min(item_key) as k from dim_item'));
    const before = fetched.length;
    const sql = `select count(*) as n, sum(demand) as units from read_parquet('${s3.url(PROBE_KEY)}') where item_key = cast(? as integer)`;
    const [answer] = await page.evaluate(([query, key]) => window.nova.sql(query, [key]), [
      sql,
      Number(first?.k),
    ] as const);
    expect(answer?.n).toBe(366);
    const probe = fetched.slice(before);
    const bytes = bytesOf(probe, s3.url(PROBE_KEY));
    const size = manifest.tables.fact_demand_daily.files[0]?.bytes ?? 0;
    expect(
      probe.filter((e) => e.url === s3.url(PROBE_KEY) && e.method === 'GET').every((e) => e.status === 206),
    ).toBe(true);
    expect(bytes).toBeLessThan(size);
    const gets = probe.filter((e) => e.url === s3.url(PROBE_KEY) && e.method === 'GET').length;
    console.info(
      `from the bucket: fact_demand_daily ${size} B, ${manifest.tables.fact_demand_daily.files[0]?.rows} rows; ` +
        `one item fetched ${bytes} B in ${gets} range GETs (${((100 * bytes) / size).toFixed(0)} %)`,
    );
  });
});

describe('the data quality page from the bucket', () => {
  it('reads the rejected rows from silver in the bucket (readable here; minio-init keeps it private)', async () => {
    const quality = await browser.newPage();
    try {
      await quality.goto(`${s3.url(`${PREFIX}/index.html`)}#page=quality`);
      await quality.waitForSelector('[data-table="rejected-examples"] tbody tr', { timeout: 60_000 });
      await quality.waitForSelector('[data-shown]');
      const total = Number(await quality.getAttribute('[data-shown]', 'data-total'));
      expect(total).toBe(manifest.lineage.rejected_rows);
      expect(total).toBeGreaterThan(0);
      await expect(quality.locator('tr[data-batch]').count()).resolves.toBe(manifest.batches.length + 1);
    } finally {
      await quality.close();
    }
  });
});

describe('the same app hosted elsewhere, data from the bucket by ?data=', () => {
  let web: StaticServer;

  beforeAll(async () => {
    web = await startStaticServer({ roots: [join(temp.dir, 'web')], port: 0 });
  });
  afterAll(() => web?.close());

  it('loads the manifest and queries the Parquet across origins (CORS)', async () => {
    const other = await browser.newPage();
    try {
      const data = encodeURIComponent(s3.url(`${PREFIX}/`));
      await other.goto(`${web.url}index.html?data=${data}`);
      await other.waitForSelector('[data-kpi="demand_value_brl"][data-source=duckdb]', { timeout: 60_000 });
      const shown = Number(await other.locator('[data-kpi="demand_value_brl"]').getAttribute('data-value'));
      expect(Math.abs(shown - manifest.summary.demand_value_brl)).toBeLessThan(0.01);
    } finally {
      await other.close();
    }
  });
});
