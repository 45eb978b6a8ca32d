/**
 * A cold app session: a new Chromium with a new profile (empty HTTP cache) and a new page (a new
 * DuckDB-WASM instance with an empty file-page cache), navigated to the app and left to finish
 * its own panel queries, so a measurement that follows has the engine to itself.
 */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordKpiPaints } from '#support/chromium.ts';

export interface ColdPaints {
  /** ms from navigation start to the first KPI painted from the manifest. */
  manifestMs: number;
  /** ms from navigation start to DuckDB-WASM started with every gold view (main.ts marks it). */
  readyMs: number;
  /** ms from navigation start to the first KPI painted from a DuckDB-WASM result. */
  duckdbMs: number;
}

export interface AppSession {
  page: Page;
  paints: ColdPaints;
  /** Chromium's full version (the user agent only carries the major one). */
  browserVersion: string;
  close(): Promise<void>;
}

// Generous: on the 10M-row lakehouse the app's first panel queries scan the fact over HTTP.
const SETTLE_TIMEOUT_MS = 180_000;

/** What recordKpiPaints (support/chromium.ts) leaves on `window.__kpiPaints` once both have painted. */
function isPaintMarks(value: unknown): value is { manifest: number; duckdb: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'manifest' in value &&
    typeof value.manifest === 'number' &&
    'duckdb' in value &&
    typeof value.duckdb === 'number'
  );
}

export async function openAppSession(appUrl: string, workDir: string): Promise<AppSession> {
  const context: BrowserContext = await launchChromium(await mkdtemp(path.join(workDir, 'profile-')));
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(recordKpiPaints);
    await page.goto(appUrl);
    for (const selector of [
      '[data-kpi][data-source=duckdb]',
      '[data-chart="demand-trend"] svg path.line',
      '[data-table="top-items"] tbody tr',
    ]) {
      await page.waitForSelector(selector, { timeout: SETTLE_TIMEOUT_MS });
    }
    const marks: unknown = await page.evaluate(
      () => (window as unknown as { __kpiPaints: unknown }).__kpiPaints,
    );
    if (!isPaintMarks(marks)) throw new Error(`the page recorded no KPI paints: ${JSON.stringify(marks)}`);
    const readyMs = await page.evaluate(
      () => performance.getEntriesByName('duckdb-ready')[0]?.startTime ?? Number.NaN,
    );
    return {
      page,
      paints: { manifestMs: marks.manifest, readyMs, duckdbMs: marks.duckdb },
      browserVersion: context.browser()?.version() ?? 'unknown',
      close: () => context.close(),
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}
