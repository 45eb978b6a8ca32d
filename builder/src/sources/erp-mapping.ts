/**
 * How an ERP export's columns map onto the builder's canonical fields. The mock ERP writes the
 * default mapping (Portuguese headers, `;` separator, decimal commas, dd/mm/yyyy dates); a real
 * export brings its own.
 */
import type { DemandGrain } from '#schema';

export const movementFields = ['movement_id', 'movement_date', 'item_id', 'quantity', 'site_id'] as const;
export type MovementField = (typeof movementFields)[number];

export const itemFields = [
  'item_id',
  'name',
  'category',
  'unit',
  'unit_cost_brl',
  'lead_time_days',
  'supplier',
] as const;
export type ItemField = (typeof itemFields)[number];

export const encodings = ['auto', 'utf-8', 'latin-1'] as const;
export type Encoding = (typeof encodings)[number];

export interface ErpMapping {
  /**
   * The period one movement row stands for: `day` (dated movements), or `week` / `month` for an
   * export of period totals, dated by (any day of) its period. A coarser export fills only its own
   * grain in gold: days are never invented from months.
   */
  grain: DemandGrain;
  movements: Record<MovementField, string>;
  items: Record<ItemField, string>;
  /** strptime format of the date column; ISO yyyy-mm-dd is always accepted as well. */
  dateFormat: string;
  decimalSeparator: ',' | '.';
  /** CSV field separator; undefined lets DuckDB's sniffer detect it. */
  delimiter: string | undefined;
  /** 'auto' reads UTF-8 and falls back to Latin-1 when the bytes are not valid UTF-8. */
  encoding: Encoding;
}

export const defaultErpMapping: ErpMapping = {
  grain: 'day',
  movements: {
    movement_id: 'id_movimento',
    movement_date: 'data',
    item_id: 'codigo_material',
    quantity: 'quantidade',
    site_id: 'site',
  },
  items: {
    item_id: 'codigo_material',
    name: 'descricao',
    category: 'categoria',
    unit: 'unidade',
    unit_cost_brl: 'custo_unitario_brl',
    lead_time_days: 'prazo_entrega_dias',
    supplier: 'fornecedor',
  },
  dateFormat: '%d/%m/%Y',
  decimalSeparator: ',',
  delimiter: ';',
  encoding: 'auto',
};
