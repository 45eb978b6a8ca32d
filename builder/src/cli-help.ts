/** Help texts of the builder CLI, one per command. */
import type { Command } from './cli-options.ts';

const SOURCE = `Source (ingest, run):
  --source mock|file     where rows come from (default: mock, a seeded realistic ERP export)
  --items N              mock: number of items (default 200)
  --from YYYY-MM-DD      mock: first day of history (default: three years before --to)
  --to YYYY-MM-DD        mock: last day of history (default: yesterday, UTC)
  --seed N               mock: random seed; the same seed gives the same data (default 42)
  --fault-rate X         mock: share of export lines with ERP faults, 0..1 (default 0.005)
  --input PATH           file: the movements export, CSV or Parquet
  --item-master PATH     file: the item master export (needed until one has been ingested)
  --mapping FILE         file: JSON column mapping (see builder/samples/erp-export/mapping.json)`;

const COMMON = `Common:
  --out DIR              lakehouse folder (default: $DATA_DIR or data)
  --s3 URL               lakehouse in a bucket instead, URL = s3://BUCKET/PREFIX; the endpoint and
                         credentials come from AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID,
                         AWS_SECRET_ACCESS_KEY and AWS_REGION (default us-east-1)
  --debug                print stack traces and the failing SQL
  -h, --help             show this help

Exit codes: 0 ok, 1 unexpected, 2 usage, 3 input data invalid, 4 output/IO.`;

export const HELP = `Usage: npm run lakehouse -- <command> [options]

Commands:
  ingest       land a source's files in bronze and clean/validate them into silver
  build        build gold from every ingested batch and publish it atomically
  run          ingest, then build (once, or on a --schedule)
  publish-web  put the built app beside gold/, so <folder or prefix>/index.html is the product

Run "npm run lakehouse -- <command> --help" for a command's options.`;

export const COMMAND_HELP: Record<Command, string> = {
  ingest: `Usage: npm run lakehouse -- ingest [options]

Lands the source's files byte for byte in bronze/raw_data, ingests them as text with lineage into
bronze/ingested, and writes silver/cleaned, silver/validated and silver/rejected for the batch.
Content that was already ingested is skipped unless --force.

${SOURCE}
  --force                ingest again even if identical content was ingested before

${COMMON}`,
  build: `Usage: npm run lakehouse -- build [options]

Builds gold (dim_item, dim_time, fact_demand_daily, fact_demand_weekly, fact_demand_monthly,
agg_category_daily, fact_forecasts, fact_metrics) from every active batch, stages it under gold/.tmp-<build_id>/, then publishes gold/<build_id>/ and gold/manifest.json
last. Nothing is published when the current build already holds exactly these batches.

  --keep N               gold builds to keep, the current one included (default 3)
  --force                build even when gold is up to date

${COMMON}`,
  run: `Usage: npm run lakehouse -- run [options]

Ingest, then build. With --schedule it stays running and does this on every tick of the cron
expression, never two runs at once; SIGINT/SIGTERM stop it after the run in progress.

${SOURCE}
  --keep N               gold builds to keep, the current one included (default 3)
  --force                ingest and build even when nothing changed
  --schedule "CRON"      run on this schedule, e.g. "0 2 * * *" (02:00 every day)
  --tz ZONE              time zone of the schedule (default America/Bahia)
  --with-ml              then forecast every item (npm run forecast) and publish that build

${COMMON}`,
  'publish-web': `Usage: npm run lakehouse -- publish-web [--out DIR | --s3 s3://BUCKET/PREFIX] [--dist DIR]

Copies the built web app (web/dist, built first when missing or older than its sources) beside
gold/ in the lakehouse: hashed assets first, index.html last. From a bucket, the whole product is
then <endpoint>/<bucket>/<prefix>/index.html; each object carries its Content-Type and
Cache-Control (assets cached for good, index.html revalidated).

  --dist DIR             publish this app build instead of web/dist (nothing is built)

${COMMON}`,
};
