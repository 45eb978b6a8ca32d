import { describe, expect, it } from 'vitest';
import { EmptyStatementError, userStatement } from '../../../../web/src/lib/data/explorer/user-statement.ts';

describe('userStatement', () => {
  it.each([
    { text: 'SELECT 1', expected: 'SELECT 1' },
    { text: '  SELECT 1 ;  ', expected: 'SELECT 1' },
    { text: 'SELECT 1;;\n;', expected: 'SELECT 1' },
    { text: "SELECT ';'", expected: "SELECT ';'" },
    { text: 'SELECT 1 -- note', expected: 'SELECT 1' },
    { text: 'SELECT 1; -- done\n', expected: 'SELECT 1' },
    { text: 'SELECT 1 /* a; b */ ;', expected: 'SELECT 1' },
    { text: "SELECT 'it''s;' ;", expected: "SELECT 'it''s;'" },
    { text: 'SELECT 1 AS "a;b";', expected: 'SELECT 1 AS "a;b"' },
    { text: 'SELECT 1 -- x\nFROM t; ', expected: 'SELECT 1 -- x\nFROM t' },
    { text: 'SELECT 1 /* open', expected: 'SELECT 1' },
  ])('$text → $expected', ({ text, expected }) => {
    expect(userStatement(text)).toBe(expected);
  });

  it.each(['', '   ', ' ;\n; ', '-- only a comment', '/* c */ ;'])('refuses %j', (text) => {
    expect(() => userStatement(text)).toThrow(EmptyStatementError);
  });
});
