/**
 * The built app hosted anywhere: the same dist/ under sub-path prefixes of one static server
 * (`/nova/`, `/bucket/app/`) and on one origin with the data on another (`?data=`, CORS), with
 * every request the browser makes going to this machine (self-hosted wasm, no fonts, no CDN).
 */
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '#schema/manifest.ts';
import { startStaticServer, type ServedEntry, type StaticServer } from '#static-server';
import { launchChromium } from '#support/chromium.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { buildQualityLakehouse } from './helpers/quality-lakehouse.ts';
import { buildWebApp } from './helpers/web-app.ts';

const PREFIXES = ['nova/', 'bucket/app/'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let manifest: Manifest;
let prefixed: StaticServer;
let appHost: StaticServer;
let dataHost: StaticServer;
let browser: BrowserContext;
const served: Record<'prefixed' | 'app' | 'data', ServedEntry[]> = { prefixed: [], app: [], data: [] };
const requested: { url: string; type: string }[] = [];

beforeAll(async () => {
  temp = await makeTempDir('nova-hosting');
  const dataDir = join(temp.dir, 'data');
  manifest = await buildQualityLakehouse(dataDir, temp.dir);
  const webDir = join(temp.dir, 'web');
  await buildWebApp(webDir);
  // One folder per prefix holding the app beside the lakehouse, as publish-web lays out a bucket.
  const site = join(temp.dir, 'site');
  for (const prefix of PREFIXES) {
    await mkdir(join(site, prefix), { recursive: true });
    await cp(webDir, join(site, prefix), { recursive: true });
    await cp(dataDir, join(site, prefix), { recursive: true });
  }
  const lake = join(temp.dir, 'data-host');
  await cp(dataDir, join(lake, 'lake'), { recursive: true });
  prefixed = await startStaticServer({ roots: [site], port: 0, onResponse: (e) => served.prefixed.push(e) });
  appHost = await startStaticServer({ roots: [webDir], port: 0, onResponse: (e) => served.app.push(e) });
  dataHost = await startStaticServer({ roots: [lake], port: 0, onResponse: (e) => served.data.push(e) });
  browser = await launchChromium(join(temp.dir, 'profile'));
  browser.on('request', (request) => requested.push({ url: request.url(), type: request.resourceType() }));
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([prefixed?.close(), appHost?.close(), dataHost?.close()]);
  await temp?.cleanup();
});

/** Opens the overview, checks a KPI computed by DuckDB-WASM, then walks to the quality page by its link. */
async function visitOverviewThenQuality(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const card = page.locator('[data-kpi="item_count"][data-source="duckdb"]');
  await card.waitFor({ timeout: 90_000 });
  await expect(card.getAttribute('data-value')).resolves.toBe(String(manifest.summary.item_count));
  await page.locator('nav a[href*="page=quality"]').click();
  await page.waitForSelector('[data-table="rejected-examples"] tbody tr', { timeout: 60_000 });
  const shown = Number(await page.getAttribute('[data-shown]', 'data-total'));
  expect(shown).toBe(manifest.lineage.rejected_rows);
}

describe('hosting anywhere', () => {
  it.each(PREFIXES)('works from the sub-path /%s', async (prefix) => {
    const page = await browser.newPage();
    const before = served.prefixed.length;
    try {
      await visitOverviewThenQuality(page, `${prefixed.url}${prefix}index.html`);
    } finally {
      await page.close();
    }
    const paths = served.prefixed.slice(before).map((entry) => entry.path);
    expect(paths.filter((path) => !path.startsWith(`/${prefix}`))).toEqual([]);
    expect(paths.some((path) => path.endsWith('.wasm'))).toBe(true);
    expect(paths).toContain(`/${prefix}gold/manifest.json`);
    expect(paths.some((path) => path.startsWith(`/${prefix}silver/rejected/`))).toBe(true);
  });

  it('reads the lakehouse from another origin given by ?data=', async () => {
    const page = await browser.newPage();
    const dataUrl = `${dataHost.url}lake/`;
    try {
      await visitOverviewThenQuality(page, `${appHost.url}index.html?data=${encodeURIComponent(dataUrl)}`);
      await expect(page.textContent('[data-origin]')).resolves.toBe(dataUrl);
    } finally {
      await page.close();
    }
    expect(new URL(appHost.url).origin).not.toBe(new URL(dataHost.url).origin);
    expect(served.app.filter((e) => /^\/(gold|silver)\//.test(e.path))).toEqual([]);
    const dataPaths = served.data.map((e) => e.path);
    expect(dataPaths).toContain('/lake/gold/manifest.json');
    expect(dataPaths.some((path) => path.startsWith('/lake/silver/rejected/'))).toBe(true);
    expect(served.data.every((e) => e.status < 400)).toBe(true);
  });

  it('sends every request to this machine, with no web fonts', () => {
    // The log sees the worker's traffic too: the wasm it loads and the Parquet ranges it reads.
    expect(requested.some(({ url }) => url.endsWith('.wasm'))).toBe(true);
    expect(requested.some(({ url }) => url.endsWith('.parquet'))).toBe(true);
    const outside = requested.filter(({ url }) => {
      const parsed = new URL(url);
      if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
      return !LOOPBACK.has(parsed.hostname);
    });
    expect(outside).toEqual([]);
    expect(requested.filter(({ type }) => type === 'font')).toEqual([]);
  });
});
