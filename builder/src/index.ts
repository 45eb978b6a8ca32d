/**
 * The builder's public entry: what other parts (npm start, ml, bench) may call. Everything else
 * under builder/src is internal and may change without notice.
 */
export { runPipeline, type RunOptions, type RunResult } from './run.ts';
export { createProgress, formatBytes, formatSummaryTable, type Progress } from './progress.ts';
export { CliError, ExitCode, isCliError } from './errors.ts';
export { Layout } from './layout.ts';
export { readLedger, type BatchRecord } from './catalog/batch-ledger.ts';
export { daysBetweenInclusive, defaultWindow } from './calendar/dates.ts';
export { FACT_ROW_GROUP_SIZE, parquetOptions } from './steps/gold/parquet-options.ts';
export { fillLeadTimeDemand, type LeadTimeDemandFiles } from './steps/gold/fill-lead-time-demand.ts';
export {
  buildAggForecastCategory,
  type ForecastAggregateFiles,
} from './steps/gold/build-agg-forecast-category.ts';
export {
  checkForecastDerivations,
  type ForecastDerivationFiles,
} from './steps/gold/check-forecast-derivations.ts';
export { describeLocation, parseS3Url, type LakehouseLocation } from './publish/location.ts';
export { parseLocation } from './cli-options.ts';
export { ensureWebApp, WEB_DIST } from './web-app/ensure-web-app.ts';
export { withLakehouse } from './publish/with-lakehouse.ts';
export type { LakehouseSession } from './publish/lakehouse-target.ts';
export { readCurrentManifest } from './publish/read-current-manifest.ts';
export { openDb, withConnection, queryStep, runStep } from './db.ts';
export { StepError, isStepError } from './errors.ts';
export { newId as newBuildId } from './publish/build-id.ts';
export { describeGoldTable, type StagedFile } from './publish/describe-gold-table.ts';
