import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAggForecastCategory } from '../../../../builder/src/steps/gold/build-agg-forecast-category.ts';
import { checkForecastDerivations } from '../../../../builder/src/steps/gold/check-forecast-derivations.ts';
import { fillLeadTimeDemand } from '../../../../builder/src/steps/gold/fill-lead-time-demand.ts';
import { openTestConnection } from '../../../helpers/duckdb.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { sampleItems } from '../../../web/helpers/sample-gold.ts';
import {
  sampleForecastAggregate,
  sampleForecasts,
  sampleMetrics,
} from '../../../web/helpers/sample-forecasts.ts';
import { writeGold } from '../../../web/helpers/write-gold.ts';

describe('checkForecastDerivations', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    temp = await makeTempDir('forecast-consistency');
  });
  afterEach(() => temp.cleanup());

  async function check(rows: Parameters<typeof writeGold>[1], derive: boolean) {
    const written = await writeGold(temp.dir, { dim_item: sampleItems, ...rows });
    const files = {
      forecasts: written.fact_forecasts ?? '',
      metrics: written.fact_metrics ?? '',
      dimItem: written.dim_item ?? '',
      aggregate: written.agg_forecast_category ?? `${temp.dir}/agg_forecast_category.parquet`,
    };
    const db = await openTestConnection();
    try {
      if (derive) {
        await fillLeadTimeDemand(db.connection, files);
        await buildAggForecastCategory(db.connection, { ...files, target: files.aggregate });
      }
      await checkForecastDerivations(db.connection, files);
    } finally {
      db.close();
    }
  }

  it('passes what the builder derives, and an empty forecast', async () => {
    await expect(
      check({ fact_forecasts: sampleForecasts, fact_metrics: sampleMetrics }, true),
    ).resolves.toBeUndefined();
    await expect(check({ fact_forecasts: [], fact_metrics: [] }, true)).resolves.toBeUndefined();
  });

  it('fails when a candidate or an older run was counted', async () => {
    const counted = sampleMetrics.map((m) =>
      m.is_selected ? { ...m, lead_time_demand: (m.lead_time_demand ?? 0) * 10 } : m,
    );
    await expect(
      check(
        {
          fact_forecasts: sampleForecasts,
          fact_metrics: counted,
          agg_forecast_category: sampleForecastAggregate,
        },
        false,
      ),
    ).rejects.toThrow(/fact_metrics.lead_time_demand sums to/);
    const doubled = sampleForecastAggregate.map((r) => ({ ...r, yhat: r.yhat * 2 }));
    await expect(
      check(
        { fact_forecasts: sampleForecasts, fact_metrics: sampleMetrics, agg_forecast_category: doubled },
        false,
      ),
    ).rejects.toThrow(/agg_forecast_category.yhat sums to/);
  });
});
