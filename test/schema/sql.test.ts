import { describe, expect, it } from 'vitest';
import { ident, sql, sqlJoin, sqlString, sqlType } from '#schema';

describe('sql tag', () => {
  it.each([
    { case: 'no holes', text: sql`SELECT 1`, expected: 'SELECT 1' },
    { case: 'an identifier', text: sql`SELECT ${ident('column', 'date')}`, expected: 'SELECT "date"' },
    {
      case: 'an escaped literal',
      text: sql`WHERE x = ${sqlString("o'clock")}`,
      expected: "WHERE x = 'o''clock'",
    },
    { case: 'a number', text: sql`LIMIT ${10}`, expected: 'LIMIT 10' },
    { case: 'a nested fragment', text: sql`(${sql`a`}, ${sql`b`})`, expected: '(a, b)' },
    { case: 'a hole at both ends', text: sql`${5}-${6}`, expected: '5-6' },
  ])('joins $case', ({ text, expected }) => {
    expect(text).toBe(expected);
  });

  it.each([NaN, Infinity, -Infinity])('refuses %s as a hole', (value) => {
    expect(() => sql`LIMIT ${value}`).toThrow(RangeError);
  });
});

describe('sqlJoin and sqlType', () => {
  it('joins fragments with the separator', () => {
    expect(sqlJoin([ident('column', 'date'), ident('column', 'demand')], ', ')).toBe('"date", "demand"');
    expect(sqlJoin([], ' AND ')).toBe('');
  });

  it('passes gold column types and refuses anything else', () => {
    expect(sqlType('DOUBLE')).toBe('DOUBLE');
    expect(() => sqlType('DOUBLE); DROP TABLE x; --' as never)).toThrow(TypeError);
  });
});
