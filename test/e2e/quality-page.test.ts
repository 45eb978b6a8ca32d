/**
 * The data quality page in headless Chromium over a lakehouse built by the real builder: lineage
 * per batch and in total equal to native DuckDB's counts of the bronze and silver files and to the
 * manifest, rejected rows read by DuckDB-WASM from silver/rejected equal to native DuckDB's, and
 * the counts-only fallback when the host publishes gold without silver.
 */
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '#schema/manifest.ts';
import { rejectionRuleCodes } from '#schema/silver.ts';
import { startStaticServer, type StaticServer } from '#static-server';
import { launchChromium } from '#support/chromium.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { waitForSettled } from './helpers/page-settled.ts';
import { buildQualityLakehouse } from './helpers/quality-lakehouse.ts';
import { nativeBatchCounts, nativeRejectedExamples } from './helpers/native-silver.ts';
import { buildWebApp } from './helpers/web-app.ts';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let dataDir = '';
let manifest: Manifest;
let withSilver: StaticServer;
let goldOnly: StaticServer;
let browser: BrowserContext;
let page: Page;

const rowsOf = async (selector: string) => Number(await page.locator(selector).getAttribute('data-rows'));

beforeAll(async () => {
  temp = await makeTempDir('nova-quality');
  dataDir = join(temp.dir, 'data');
  manifest = await buildQualityLakehouse(dataDir, temp.dir);
  const webDir = join(temp.dir, 'web');
  await buildWebApp(webDir);
  // The same gold without bronze or silver, as a bucket that keeps silver private serves it.
  const goldDir = join(temp.dir, 'gold-only');
  await mkdir(goldDir);
  await cp(join(dataDir, 'gold'), join(goldDir, 'gold'), { recursive: true });
  withSilver = await startStaticServer({ roots: [webDir, dataDir], port: 0 });
  goldOnly = await startStaticServer({ roots: [webDir, goldDir], port: 0 });
  browser = await launchChromium(join(temp.dir, 'profile'));
  page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(`${withSilver.url}index.html#page=quality`);
  await page.waitForSelector('[data-table="rejected-examples"] tbody tr', { timeout: 90_000 });
});

afterAll(async () => {
  await browser?.close();
  await withSilver?.close();
  await goldOnly?.close();
  await temp?.cleanup();
});

describe('data quality page', () => {
  it('names the build, its time, source and engines from the manifest', async () => {
    await expect(page.textContent('[data-field="build_id"]')).resolves.toBe(manifest.build_id);
    await expect(page.getAttribute('[data-field="generated_at"] time', 'datetime')).resolves.toBe(
      manifest.generated_at,
    );
    await expect(page.textContent('[data-field="source"]')).resolves.toBe(manifest.source);
    await expect(page.textContent('[data-field="builder_duckdb"]')).resolves.toContain(
      manifest.engine.builder_duckdb,
    );
    await expect(page.textContent('[data-field="batches"]')).resolves.toBe(String(manifest.batches.length));
  });

  it('shows each batch through the medallion as native DuckDB counts it in the files', async () => {
    expect(manifest.batches).toHaveLength(2);
    for (const batchId of manifest.batches) {
      const native = await nativeBatchCounts(dataDir, batchId);
      const cells = await page
        .locator(`tr[data-batch="${batchId}"] td[data-rows]`)
        .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-rows'))));
      const nativeRejected = Object.values(native.byRule).reduce((sum, n) => sum + n, 0);
      expect(cells).toEqual([
        native.bronze,
        native.bronze - native.cleaned,
        native.cleaned,
        native.rejected,
        native.validated,
      ]);
      expect(native.rejected).toBe(nativeRejected);
    }
  });

  it('totals the build as the manifest records it, and says the counts are conserved', async () => {
    const total = manifest.lineage;
    await expect(rowsOf('[data-stage="bronze"]')).resolves.toBe(total.bronze_rows);
    await expect(rowsOf('[data-stage="duplicates"]')).resolves.toBe(total.duplicates_dropped);
    await expect(rowsOf('[data-stage="cleaned"]')).resolves.toBe(total.cleaned_rows);
    await expect(rowsOf('[data-stage="rejected"]')).resolves.toBe(total.rejected_rows);
    await expect(rowsOf('[data-stage="validated"]')).resolves.toBe(total.validated_rows);
    await expect(page.getAttribute('[data-conserved]', 'data-conserved')).resolves.toBe('true');
    const sums = await Promise.all(manifest.batches.map((id) => nativeBatchCounts(dataDir, id)));
    const totalRow = await page
      .locator('tr[data-batch="total"] td[data-rows]')
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-rows'))));
    expect(totalRow[0]).toBe(sums.reduce((sum, b) => sum + b.bronze, 0));
    expect(totalRow[4]).toBe(sums.reduce((sum, b) => sum + b.validated, 0));
  });

  it('counts every rule, each explained, every one of them firing in this lakehouse', async () => {
    const sums = await Promise.all(manifest.batches.map((id) => nativeBatchCounts(dataDir, id)));
    for (const code of rejectionRuleCodes) {
      const native = sums.reduce((sum, b) => sum + (b.byRule[code] ?? 0), 0);
      expect(native, code).toBeGreaterThan(0);
      await expect(rowsOf(`tr[data-rule="${code}"]`), code).resolves.toBe(native);
      expect(manifest.lineage.rejected_by_rule[code], code).toBe(native);
      for (const [index, batchId] of manifest.batches.entries()) {
        const cell = page.locator(`tr[data-rule="${code}"] td[data-batch="${batchId}"]`);
        await expect(cell.textContent(), `${code} in batch ${batchId}`).resolves.toBe(
          String(sums[index]?.byRule[code] ?? 0),
        );
      }
      const meaning = await page.locator(`tr[data-rule="${code}"] td`).first().textContent();
      expect(meaning?.length ?? 0, code).toBeGreaterThan(20);
    }
  });

  it('lists rejected rows of one rule, read by DuckDB-WASM, as native DuckDB reads them', async () => {
    await page.locator('#rejected-rule').selectOption('UNKNOWN_ITEM');
    await page.waitForFunction(() => window.location.hash.includes('rule=UNKNOWN_ITEM'));
    await page.waitForSelector('[data-shown]:not([data-total="0"])');
    const shown = page.locator('[data-table="rejected-examples"] tbody tr');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-table="rejected-examples"] tbody tr td:nth-child(4)')].every(
        (td) => td.textContent === 'UNKNOWN_ITEM',
      ),
    );
    const expected = await nativeRejectedExamples(dataDir, manifest.batches, 'UNKNOWN_ITEM', 50);
    const rows = await shown.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
        return { batch_id: cells[0], row_number: Number(cells[2]), item_id: cells[7] };
      }),
    );
    expect(rows).toEqual(
      expected
        .map((row) => ({ ...row, raw_quantity: undefined, item_id: row.item_id ?? '' }))
        .map(({ batch_id, row_number, item_id }) => ({ batch_id, row_number, item_id })),
    );
    const total = Number(await page.getAttribute('[data-shown]', 'data-total'));
    expect(total).toBe(manifest.lineage.rejected_by_rule.UNKNOWN_ITEM);
  });

  it('keeps the rule in the link: a reload lists the same rows', async () => {
    await page.reload();
    await page.waitForSelector('[data-table="rejected-examples"] tbody tr', { timeout: 60_000 });
    await expect(page.locator('#rejected-rule').inputValue()).resolves.toBe('UNKNOWN_ITEM');
    await page.locator('#rejected-rule').selectOption('');
    await page.waitForFunction(() => !window.location.hash.includes('rule='));
    await waitForSettled(page);
    await page.screenshot({ path: 'test-results/quality.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/quality-dark.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows the counts alone, with a note, when silver is not published beside gold', async () => {
    const other = await browser.newPage();
    try {
      await other.goto(`${goldOnly.url}index.html#page=quality`);
      await other.waitForSelector('[data-state="rejected-unavailable"]', { timeout: 60_000 });
      await other.waitForSelector('[data-state="ledger-unavailable"]');
      await expect(other.textContent('[data-state="rejected-unavailable"]')).resolves.toMatch(
        /silver\/rejected.*HTTP 404/s,
      );
      const total = Number(await other.getAttribute('[data-stage="rejected"]', 'data-rows'));
      expect(total).toBe(manifest.lineage.rejected_rows);
      await expect(other.locator('tr[data-batch]').count()).resolves.toBe(1);
      await expect(other.locator('[data-table="rejected-examples"]').count()).resolves.toBe(0);
    } finally {
      await other.close();
    }
  });
});
