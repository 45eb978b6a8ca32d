/**
 * The bench's page-interaction step, in one warm app session: the item page switching between
 * items spread over the lakehouse, then the explorer scrolling a result of over 100k rows.
 */
import type { Page } from 'playwright-core';
import { openNodeDb } from '#support/node-db.ts';
import { measureExplorerScroll, MIN_SCROLL_ROWS, scrollSql, type ExplorerScroll } from './explorer-scroll.ts';
import { measureItemSwitch, spreadItems, type ItemSwitch } from './item-switch.ts';

export interface PageInteractions {
  itemSwitch: ItemSwitch;
  explorerScroll: ExplorerScroll;
}

const SWITCH_ITEMS = 8;

/** The item_key up to which the first items hold ≥ MIN_SCROLL_ROWS daily rows (a day each). */
async function scrollLastKey(itemsFile: string, daysPerItem: number): Promise<number> {
  const items = Math.ceil((MIN_SCROLL_ROWS * 1.1) / daysPerItem);
  const db = await openNodeDb({ dim_item: itemsFile });
  try {
    const rows = await db.query<{ item_key: number }>(
      'SELECT item_key FROM dim_item ORDER BY item_key LIMIT 1 OFFSET ?',
      [items - 1],
    );
    const key = rows[0]?.item_key;
    if (key === undefined) throw new Error(`the lakehouse has fewer than ${items} items to scroll`);
    return key;
  } finally {
    db.close();
  }
}

export async function measurePageInteractions(
  page: Page,
  itemsFile: string,
  daysPerItem: number,
  rounds: number,
): Promise<PageInteractions> {
  const items = await spreadItems(itemsFile, SWITCH_ITEMS);
  const itemSwitch = await measureItemSwitch(
    page,
    items.map((item) => item.item_id),
    rounds,
  );
  const explorerScroll = await measureExplorerScroll(
    page,
    scrollSql(await scrollLastKey(itemsFile, daysPerItem)),
  );
  return { itemSwitch, explorerScroll };
}
