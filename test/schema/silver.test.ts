import { describe, expect, it } from 'vitest';
import {
  isLedgerDocument,
  isRejectionRuleCode,
  rejectedFilePath,
  rejectionRuleCodes,
} from '#schema/silver.ts';
import { rejectionRules } from '../../builder/src/steps/silver/rejection-rules.ts';

describe('rejection rule codes', () => {
  it('are the codes the builder checks, in its order', () => {
    expect(rejectionRules.map((rule) => rule.code)).toEqual([...rejectionRuleCodes]);
  });

  it.each([
    { value: 'BAD_DATE', expected: true },
    { value: 'bad_date', expected: false },
    { value: "BAD_DATE'--", expected: false },
    { value: undefined, expected: false },
  ])('isRejectionRuleCode($value) is $expected', ({ value, expected }) => {
    expect(isRejectionRuleCode(value)).toBe(expected);
  });
});

describe('rejectedFilePath', () => {
  it('puts a batch under silver/rejected', () => {
    expect(rejectedFilePath('20261203T061356851Z-9f2f3e')).toBe(
      'silver/rejected/20261203T061356851Z-9f2f3e.parquet',
    );
  });
  it.each(['..', '../x', 'a/b', 'a b', '', '-x'])('refuses %j', (id) => {
    expect(() => rejectedFilePath(id)).toThrow(RangeError);
  });
});

describe('isLedgerDocument', () => {
  it.each([
    { value: { batches: [] }, expected: true },
    { value: { batches: [{ batch_id: 'b' }] }, expected: false },
    { value: [], expected: false },
    { value: null, expected: false },
  ])('$value is $expected', ({ value, expected }) => {
    expect(isLedgerDocument(value)).toBe(expected);
  });
});
