/**
 * Lets the bench hand its own functions to `page.evaluate`. Playwright sends a function as its
 * source text; tsx compiles with esbuild's keepNames, which wraps every named inner function in
 * `__name(fn, "name")`, a helper that exists in the bench's process but not in the page. An
 * identity `__name` in the page makes that source run there unchanged.
 */
import type { Page } from 'playwright-core';

export async function allowBenchFunctions(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
}
