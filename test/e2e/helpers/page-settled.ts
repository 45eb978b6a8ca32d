/**
 * Waits until a page of the app has nothing left loading: no element in a loading state and
 * nothing marked busy. Pages added later follow the same convention (QueryStatus and the shell
 * mark their loading states), so tests that visit every page need no per-page knowledge.
 */
import type { Page } from 'playwright-core';

export async function waitForSettled(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForSelector('main', { timeout });
  await page.waitForFunction(
    () => document.querySelector('main [data-state="loading"], main [aria-busy="true"]') === null,
    undefined,
    { timeout, polling: 100 },
  );
}
