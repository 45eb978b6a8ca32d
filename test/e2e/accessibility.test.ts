/**
 * axe-core on every page the app lists in `pages` (pages added later are covered without touching
 * this file), in the light and the dark theme the OS can ask for: no serious or critical
 * violation. Each page is checked once everything on it has loaded, over a lakehouse with silver
 * and forecasts, so tables, charts and the rejected rows are all on screen; the item page is also
 * checked with an item open.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '#static-server';
import { launchChromium } from '#support/chromium.ts';
import { sqlStringList } from '#schema/literal.ts';
import { openNodeDb } from '#support/node-db.ts';
import { pages } from '../../web/src/lib/state/app-params.ts';
import { tableFiles } from '../helpers/lakehouse.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { waitForSettled } from './helpers/page-settled.ts';
import { buildQualityLakehouse } from './helpers/quality-lakehouse.ts';
import { buildWebApp } from './helpers/web-app.ts';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}
interface AxeWindow {
  axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
}

const require = createRequire(import.meta.url);

async function queryNative<R>(sql: string): Promise<R[]> {
  const db = await openNodeDb({});
  try {
    return await db.query<R>(sql);
  } finally {
    db.close();
  }
}
const schemes = ['light', 'dark'] as const;

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: StaticServer;
let browser: BrowserContext;
let axeSource = '';
let firstItemId = '';

beforeAll(async () => {
  temp = await makeTempDir('nova-a11y');
  const dataDir = join(temp.dir, 'data');
  const manifest = await buildQualityLakehouse(dataDir, temp.dir, { forecasts: true });
  const [firstItem] = await queryNative<{ item_id: string }>(
    `SELECT min(item_id) AS item_id FROM read_parquet(${sqlStringList(tableFiles(dataDir, manifest, 'dim_item'))})`,
  );
  if (!firstItem) throw new Error('the lakehouse has no items');
  firstItemId = firstItem.item_id;
  const webDir = join(temp.dir, 'web');
  await buildWebApp(webDir);
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  server = await startStaticServer({ roots: [webDir, dataDir], port: 0 });
  browser = await launchChromium(join(temp.dir, 'profile'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await temp?.cleanup();
});

/** Loads axe into the page and returns its serious and critical violations, summarised. */
async function seriousViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const { axe } = window as unknown as AxeWindow;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`),
      }));
  });
}

/** Opens one view in one color scheme, waits until it has loaded (and `ready` shows), and runs axe on it. */
async function violationsOf(hash: string, colorScheme: (typeof schemes)[number], ready?: string) {
  const page = await browser.newPage();
  try {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${server.url}index.html#${hash}`);
    await waitForSettled(page);
    if (ready) await page.waitForSelector(ready, { timeout: 60_000 });
    const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
    if (dark !== (colorScheme === 'dark')) throw new Error(`the page did not get the ${colorScheme} scheme`);
    return await seriousViolations(page);
  } finally {
    await page.close();
  }
}

describe.each(schemes)('accessibility, %s theme', (colorScheme) => {
  it.each([...pages])('page %s has no serious or critical axe violation', async (name) => {
    await expect(violationsOf(`page=${name}`, colorScheme)).resolves.toEqual([]);
  });

  it('the item page with an item open has none either', async () => {
    await expect(
      violationsOf(`page=item&item=${encodeURIComponent(firstItemId)}`, colorScheme),
    ).resolves.toEqual([]);
  });

  it('the explorer with a result on screen has none either', async () => {
    const sql = 'SELECT item_id, date, demand FROM fact_demand_daily ORDER BY item_key, date LIMIT 5000';
    await expect(
      violationsOf(
        `page=explorer&sql=${encodeURIComponent(sql)}`,
        colorScheme,
        '[data-table="explorer-result"] [role="row"][data-row="0"]',
      ),
    ).resolves.toEqual([]);
  });
});

describe('the check itself', () => {
  it('reports what it must: low contrast and an unlabelled control', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}index.html`);
      await waitForSettled(page);
      await page.evaluate(() => {
        const main = document.querySelector('main');
        const faint = document.createElement('p');
        faint.textContent = 'texto quase invisível';
        faint.style.color = '#cccccc';
        faint.style.background = '#ffffff';
        main?.append(faint, document.createElement('select'));
      });
      const rules = (await seriousViolations(page)).map((v) => v.rule).sort();
      expect(rules).toEqual(['color-contrast', 'select-name']);
    } finally {
      await page.close();
    }
  });
});

describe('keyboard', () => {
  it('skips to the content, and reaches and opens every page from the navigation', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}index.html`);
      await waitForSettled(page);
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.className)).resolves.toContain('skip-link');
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
      await expect(page.evaluate(() => window.location.hash)).resolves.toBe('');
      // Last page first, so every Enter moves to another page (the first is open already).
      for (const name of [...pages].reverse()) {
        // From the skip link, Tab walks the navigation links in order until the page's own.
        await page.locator('.skip-link').focus();
        for (let step = 0; step <= pages.length; step += 1) {
          await page.keyboard.press('Tab');
          if (
            (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.page)) === name
          )
            break;
        }
        await page.keyboard.press('Enter');
        await page.waitForSelector(`nav a[data-page="${name}"][aria-current="page"]`, { timeout: 10_000 });
      }
    } finally {
      await page.close();
    }
  });
});
