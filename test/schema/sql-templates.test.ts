/**
 * No raw value is spliced into SQL: every template literal that holds SQL and has `${…}` holes must
 * be tagged `sql`, whose holes the compiler restricts to SqlText (ident, sqlString, sqlStringList,
 * sql) and numbers. This test finds the untagged ones, which the compiler cannot see.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** What makes a template literal SQL: a keyword or a DuckDB function the project's SQL uses. */
const SQL_TEXT =
  /\b(SELECT|COPY|CREATE|INSERT|DESCRIBE|PRAGMA|FROM|WHERE|JOIN|GROUP BY|ORDER BY|CAST|TRY_CAST)\b|\bread_(parquet|csv)\(/;

const SOURCE_DIRS = ['schema', 'builder', 'ml', 'web/src', 'static-server', 'bench', 'scripts', 'support'];

function sourceFiles(): string[] {
  return SOURCE_DIRS.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !name.split(path.sep).includes('node_modules'))
      .map((name) => path.join(dir, name)),
  );
}

/** `file:line: text` for each untagged SQL template with holes in one source file. */
function untaggedSqlTemplates(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateExpression(node) && !ts.isTaggedTemplateExpression(node.parent)) {
      const literal = node.head.text + node.templateSpans.map((span) => span.literal.text).join('');
      if (SQL_TEXT.test(literal)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${file}:${line}: ${node.getText().split('\n')[0]?.slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('SQL templates', () => {
  it('finds an untagged SQL template with a hole, and passes tagged ones and plain text', () => {
    const code = [
      'const a = `SELECT * FROM t WHERE x = ${value}`;',
      'const b = sql`SELECT * FROM ${ident("table", "dim_item")}`;',
      'const c = `no query here: ${value}`;',
      'const d = `SELECT 1`;',
    ].join('\n');
    expect(untaggedSqlTemplates('example.ts', code)).toEqual([
      'example.ts:1: `SELECT * FROM t WHERE x = ${value}`',
    ]);
  });

  it('are all tagged sql in the source', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => untaggedSqlTemplates(file, readFileSync(file, 'utf8')));
    expect(
      found,
      'use the sql tag from #schema: its holes take only ident/sqlString/sqlStringList/sql',
    ).toEqual([]);
  });
});
