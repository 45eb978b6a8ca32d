/** The sample ERP export in builder/samples: a quarter of movements, the item master and the header mapping. */
const DIR = 'builder/samples/erp-export';

export const SAMPLE_EXPORT = {
  movements: `${DIR}/movimentos_2025T1.csv`,
  itemMaster: `${DIR}/itens.csv`,
  mapping: `${DIR}/mapping.json`,
} as const;

/** The builder CLI's options that read the whole sample export. */
export const sampleExportArgs: readonly string[] = [
  '--source',
  'file',
  '--input',
  SAMPLE_EXPORT.movements,
  '--item-master',
  SAMPLE_EXPORT.itemMaster,
  '--mapping',
  SAMPLE_EXPORT.mapping,
];
