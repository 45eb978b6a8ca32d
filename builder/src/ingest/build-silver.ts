/**
 * The silver stage of a batch: the item master typed, movements cleaned and validated against
 * every known item, and row conservation checked against the files' own row counts.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Lineage } from '#schema';
import { parquetRowCount } from '../db.ts';
import type { BatchRef, Layout } from '../layout.ts';
import type { Progress } from '../progress.ts';
import type { ErpMapping } from '../sources/erp-mapping.ts';
import { checkConservation } from '../steps/silver/check-conservation.ts';
import { cleanItems } from '../steps/silver/clean-items.ts';
import { cleanMovements } from '../steps/silver/clean-movements.ts';
import { validateMovements } from '../steps/silver/validate-movements.ts';
import type { BronzeBatch } from './load-bronze.ts';

export interface SilverBatch {
  lineage: Lineage;
  /** First and last movement date among the validated rows ('' when none passed). */
  dates: { from: string; to: string };
}

export async function buildSilver(
  connection: DuckDBConnection,
  bronze: BronzeBatch,
  target: { layout: Layout; batch: BatchRef; mapping: ErpMapping; earlierItemFiles: readonly string[] },
  progress: Progress,
): Promise<SilverBatch> {
  const { layout, batch, mapping } = target;
  const itemFiles = [...target.earlierItemFiles];
  const bronzeItems = bronze.items;
  if (bronzeItems) {
    const silverItems = layout.silverFile('items', batch.batchId);
    await progress.step('silver: clean item master', () =>
      cleanItems(connection, bronzeItems, silverItems, mapping),
    );
    itemFiles.push(silverItems);
  }
  const files = {
    cleaned: layout.silverFile('cleaned', batch.batchId),
    items: itemFiles,
    validated: layout.silverFile('validated', batch.batchId),
    rejected: layout.silverFile('rejected', batch.batchId),
  };
  const cleaned = await progress.step('silver: clean movements', () =>
    cleanMovements(connection, bronze.movements.file, files.cleaned, mapping),
  );
  const validated = await progress.step('silver: validate movements', async () => {
    const result = await validateMovements(connection, files, batch.ingestDate);
    return { ...result, rows: result.validatedRows, detail: `${result.rejectedRows} rejected` };
  });
  const lineage: Lineage = {
    bronze_rows: bronze.movements.rows,
    duplicates_dropped: bronze.movements.rows - cleaned.rows,
    cleaned_rows: cleaned.rows,
    validated_rows: validated.validatedRows,
    rejected_rows: validated.rejectedRows,
    rejected_by_rule: validated.rejectedByRule,
  };
  checkConservation(lineage, {
    bronze: await parquetRowCount(connection, [bronze.movements.file]),
    cleaned: await parquetRowCount(connection, [files.cleaned]),
    validated: await parquetRowCount(connection, [files.validated]),
    rejected: await parquetRowCount(connection, [files.rejected]),
  });
  return { lineage, dates: validated.dates };
}
