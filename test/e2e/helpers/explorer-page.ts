/**
 * Driving the SQL explorer as a person does: type into the editor, press Ctrl+Enter or click a
 * button, wait for the outcome of that run (not the previous one), save what a button downloads.
 */
import type { Page } from 'playwright-core';

export const EDITOR = '.cm-content';
export const SUMMARY = '.summary[data-run]';
export const RESULT = '[data-table="explorer-result"]';

export interface RunOutcome {
  status: string;
  rowCount: number | undefined;
  error: string | undefined;
}

async function runCount(page: Page): Promise<number> {
  const value = await page.locator(SUMMARY).getAttribute('data-run');
  return Number(value ?? 0);
}

/** Replaces the editor's text as typed input (`type` key by key, else one insertText). */
export async function setEditorText(
  page: Page,
  text: string,
  how: 'type' | 'insert' = 'insert',
): Promise<void> {
  await page.locator(EDITOR).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (how === 'type') await page.keyboard.type(text);
  else await page.keyboard.insertText(text);
}

export function editorText(page: Page): Promise<string> {
  // One .cm-line per line; textContent of the content element would run them together.
  return page
    .locator(`${EDITOR} .cm-line`)
    .allTextContents()
    .then((lines) => lines.join('\n'));
}

/** Waits until a run after the `before`-th has ended (done, error or cancelled). */
export async function waitForRun(page: Page, before: number, timeout = 120_000): Promise<RunOutcome> {
  await page.waitForFunction(
    ([selector, count]) => {
      const summary = document.querySelector(selector as string);
      return (
        summary !== null &&
        Number(summary.getAttribute('data-run')) > (count as number) &&
        summary.getAttribute('data-status') !== 'running'
      );
    },
    [SUMMARY, before] as const,
    { timeout, polling: 50 },
  );
  // Read at once, without a locator's auto-wait: an error or a cancel has no row count to wait for.
  return page.evaluate(() => {
    const status = document.querySelector('.summary[data-run]')?.getAttribute('data-status') ?? '';
    const count = document.querySelector('[data-row-count]')?.getAttribute('data-row-count');
    const error = document.querySelector('[data-error-message]')?.textContent ?? '';
    return {
      status,
      rowCount: status === 'done' && count != null ? Number(count) : undefined,
      error: status === 'error' ? error : undefined,
    };
  });
}

/** Sets the editor text and runs it with Ctrl+Enter. */
export async function runQuery(
  page: Page,
  text: string,
  how: 'type' | 'insert' = 'insert',
): Promise<RunOutcome> {
  await setEditorText(page, text, how);
  const before = await runCount(page);
  await page.keyboard.press('Control+Enter');
  return waitForRun(page, before);
}

/** Opens the explorer at a link and waits for the linked query's outcome. */
export async function openExplorer(
  page: Page,
  baseUrl: string,
  sql?: string,
): Promise<RunOutcome | undefined> {
  const hash = new URLSearchParams({ page: 'explorer', ...(sql === undefined ? {} : { sql }) }).toString();
  await page.goto(`${baseUrl}index.html#${hash}`);
  await page.waitForSelector(EDITOR, { timeout: 90_000 });
  return sql === undefined ? undefined : waitForRun(page, 0);
}

/** Clicks a button and saves the file it downloads to `path`. */
export async function downloadFrom(page: Page, buttonName: string, path: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  await download.saveAs(path);
  return download.suggestedFilename();
}
