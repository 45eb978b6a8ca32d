/**
 * Quoted column identifiers of silver/rejected/<batch_id>.parquet for the query modules, checked
 * once against the schema's allow-list (see gold-names.ts for the gold tables).
 */
import { ident } from '#schema/ident.ts';

export const movementId = ident('rejected_column', 'movement_id');
export const rawMovementDate = ident('rejected_column', 'raw_movement_date');
export const itemId = ident('rejected_column', 'item_id');
export const rawQuantity = ident('rejected_column', 'raw_quantity');
export const siteId = ident('rejected_column', 'site_id');
export const ruleCode = ident('rejected_column', 'rule_code');
export const ruleMessage = ident('rejected_column', 'rule_message');
export const sourceFile = ident('rejected_column', '_source_file');
export const rowNumber = ident('rejected_column', '_row_number');
export const batchId = ident('rejected_column', '_batch_id');
