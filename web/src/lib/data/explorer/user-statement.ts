/**
 * The SQL explorer exists to run what the analyst types, so that text is the one place a plain
 * string becomes SqlText without an allow-list: it runs with the analyst's own rights in their own
 * browser, over read-only views. Anything that wraps it (COPY … TO) goes through here, so it is one
 * statement with no trailing `;`, and a line break after it ends any trailing `--` comment.
 */
import type { SqlText } from '#schema/sql.ts';

export class EmptyStatementError extends Error {
  constructor() {
    super('the query is empty');
    this.name = 'EmptyStatementError';
  }
}

/**
 * Where the statement's code ends: after the last character that is neither blank, nor a comment,
 * nor a `;` — quotes ('…', "…") and comments (--, /* *\/) are skipped so a `;` inside them counts
 * as code.
 */
function codeEnd(text: string): number {
  let end = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const next = text[i + 1];
    if (char === '-' && next === '-') {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline;
    } else if (char === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (char === "'" || char === '"') {
      // A doubled quote inside is an escaped one: scanning on from it finds the real close.
      const close = text.indexOf(char, i + 1);
      i = close === -1 ? text.length : close + 1;
      end = i;
    } else {
      i += 1;
      if (!/[\s;]/.test(char)) end = i;
    }
  }
  return end;
}

/** The statement without trailing semicolons, blanks and comments; throws when no code is left. */
export function userStatement(text: string): SqlText {
  const statement = text.slice(0, codeEnd(text)).trim();
  if (statement === '') throw new EmptyStatementError();
  return statement as SqlText;
}
