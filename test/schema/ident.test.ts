import { describe, expect, it } from 'vitest';
import { ident, IdentifierError, quoteIdentifier, sqlString, sqlStringList } from '#schema';

describe('quoteIdentifier', () => {
  it.each([
    { name: 'item_id', expected: '"item_id"' },
    { name: 'we"ird', expected: '"we""ird"' },
    { name: '', expected: '""' },
  ])('quotes $name', ({ name, expected }) => {
    expect(quoteIdentifier(name)).toBe(expected);
  });
});

describe('ident', () => {
  it.each([
    { kind: 'table' as const, name: 'fact_demand_daily', expected: '"fact_demand_daily"' },
    { kind: 'column' as const, name: 'yhat_lower', expected: '"yhat_lower"' },
  ])('accepts allow-listed $kind $name', ({ kind, name, expected }) => {
    expect(ident(kind, name)).toBe(expected);
  });

  it.each([
    { kind: 'table' as const, name: 'fact_demand_daily; DROP TABLE x' },
    { kind: 'table' as const, name: 'item_id' },
    { kind: 'column' as const, name: 'dim_item' },
    { kind: 'column' as const, name: 'demand"--' },
  ])('rejects $kind $name', ({ kind, name }) => {
    expect(() => ident(kind, name)).toThrow(IdentifierError);
  });
});

describe('sqlString', () => {
  it.each([
    { value: "/data/o'brien.parquet", expected: "'/data/o''brien.parquet'" },
    { value: 'plain', expected: "'plain'" },
  ])('escapes $value', ({ value, expected }) => {
    expect(sqlString(value)).toBe(expected);
  });

  it('refuses NUL characters', () => {
    expect(() => sqlString('a\0b')).toThrow(/NUL/);
  });
});

describe('sqlStringList', () => {
  it.each([
    { values: ['/a.parquet', "/o'b.parquet"], expected: "['/a.parquet', '/o''b.parquet']" },
    { values: [], expected: '[]' },
  ])('quotes each of $values', ({ values, expected }) => {
    expect(sqlStringList(values)).toBe(expected);
  });
});
