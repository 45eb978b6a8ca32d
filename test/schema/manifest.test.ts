import { describe, expect, it } from 'vitest';
import { isManifest, manifestProblem } from '#schema';
import { manifestFixture } from '../helpers/manifest-fixture.ts';

const validManifest = manifestFixture;

describe('isManifest / manifestProblem', () => {
  it('accepts a complete manifest', () => {
    expect(isManifest(validManifest())).toBe(true);
    expect(manifestProblem(validManifest())).toBeUndefined();
  });

  it.each([
    { case: 'not an object', value: [], problem: /not a JSON object/ },
    {
      case: 'wrong version',
      value: { ...validManifest(), schema_version: 99 },
      problem: /schema_version 99/,
    },
    {
      case: 'missing table',
      value: { ...validManifest(), tables: { dim_item: validManifest().tables.dim_item } },
      problem: /dim_time, fact_demand_daily, fact_forecasts, fact_metrics/,
    },
    {
      case: 'summary with text numbers',
      value: { ...validManifest(), summary: { ...validManifest().summary, units_total: '2' } },
      problem: /summary/,
    },
    { case: 'no build id', value: { ...validManifest(), build_id: 7 }, problem: /build_id/ },
  ])('rejects $case', ({ value, problem }) => {
    expect(isManifest(value)).toBe(false);
    expect(manifestProblem(value)).toMatch(problem);
  });
});
