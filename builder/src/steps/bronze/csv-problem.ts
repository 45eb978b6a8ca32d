/**
 * DuckDB's CSV errors as one line a person can act on. DuckDB writes a block (the line number, the
 * original line, the problem, a list of possible fixes, the reader options); the one line keeps the
 * line number and the problem, and names the file as it was received, not the bronze copy.
 */
import { createReadStream } from 'node:fs';

export function csvProblem(message: string, landedPath: string, sourceFile: string): string {
  const lines = message.replaceAll(landedPath, sourceFile).split('\n');
  const head = (lines[0] ?? '').replace(/^[A-Za-z ]*Error: /, '');
  const at = /CSV Error on Line: (\d+)/.exec(head);
  if (!at) return head;
  // The problem is the last line before DuckDB's "Possible fixes" (the original line before it
  // may itself span several lines, or be megabytes long).
  const fixes = lines.findIndex((line) => line.startsWith('Possible'));
  const problem = lines
    .slice(1, fixes < 0 ? lines.length : fixes)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .at(-1);
  const usable = problem !== undefined && !problem.startsWith('Original Line:') && problem.length < 200;
  return `line ${at[1]}: ${usable ? problem : 'malformed row'}`;
}

/** 1-based number of the first line that is not valid UTF-8, or undefined when every line is. */
export async function firstNonUtf8Line(path: string): Promise<number | undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let pending = Buffer.alloc(0);
  const check = (bytes: Buffer): boolean => {
    try {
      decoder.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
  for await (const chunk of createReadStream(path)) {
    let data = Buffer.concat([pending, chunk as Buffer]);
    let newline = data.indexOf(0x0a);
    while (newline >= 0) {
      if (!check(data.subarray(0, newline))) return line;
      line++;
      data = data.subarray(newline + 1);
      newline = data.indexOf(0x0a);
    }
    pending = data;
  }
  return pending.length > 0 && !check(pending) ? line : undefined;
}
