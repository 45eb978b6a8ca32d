import { describe, expect, it } from 'vitest';
import { StepError } from '../../../../builder/src/errors.ts';
import { checkConservation, type FileRows } from '../../../../builder/src/steps/silver/check-conservation.ts';
import type { Lineage } from '#schema';

const lineage: Lineage = {
  bronze_rows: 10,
  duplicates_dropped: 2,
  cleaned_rows: 8,
  validated_rows: 6,
  rejected_rows: 2,
  rejected_by_rule: { BAD_DATE: 1, UNKNOWN_ITEM: 1 },
};
const files: FileRows = { bronze: 10, cleaned: 8, validated: 6, rejected: 2 };

describe('checkConservation', () => {
  it('passes when every row is accounted for', () => {
    expect(() => checkConservation(lineage, files)).not.toThrow();
  });

  it.each([
    {
      case: 'a file lost rows',
      lineage,
      files: { ...files, validated: 5 },
      problem: /validated file holds 5 rows/,
    },
    {
      case: 'validated + rejected ≠ cleaned',
      lineage: { ...lineage, validated_rows: 5 },
      files: { ...files, validated: 5 },
      problem: /cleaned 8 ≠ validated 5 \+ rejected 2/,
    },
    {
      case: 'rules do not add up',
      lineage: { ...lineage, rejected_by_rule: { BAD_DATE: 1 } },
      files,
      problem: /rejected 2 ≠ sum over rules 1/,
    },
    {
      case: 'duplicates do not close the gap',
      lineage: { ...lineage, duplicates_dropped: 1 },
      files,
      problem: /bronze 10 ≠ cleaned 8 \+ duplicates 1/,
    },
  ])('fails when $case', ({ lineage: counted, files: onDisk, problem }) => {
    expect(() => checkConservation(counted, onDisk)).toThrow(StepError);
    expect(() => checkConservation(counted, onDisk)).toThrow(problem);
  });
});
