/**
 * The header line of a CSV export, read and parsed here rather than left to DuckDB's sniffer.
 * On a small export the sniffer guesses wrong in ways that lose rows silently (a row with one field
 * too many made it skip the header and that row as a "preamble"; a field holding a `'` made it
 * pick `'` as the quote). The header is the most reliable witness of the dialect: the separator is
 * the candidate it holds most often, the quote is `"` (RFC 4180), and its names are the columns,
 * so a duplicated or empty name is an error here instead of a silent rename to `name_1`.
 */
import { open } from 'node:fs/promises';
import { CliError, ExitCode } from '../../errors.ts';

export interface CsvHeader {
  delimiter: string;
  columns: string[];
  /** The header decoded as UTF-8 and it held non-ASCII text: a Latin-1 body would mean mixed files. */
  utf8NonAscii: boolean;
  /** The header was not valid UTF-8. */
  latin1: boolean;
}

/** A header longer than this is not a header (the 1 GB single-line export stops here, unread). */
export const MAX_HEADER_BYTES = 1 << 20;
const candidates = [';', ',', '\t', '|'] as const;

function invalid(file: string, problem: string, hint?: string): CliError {
  return new CliError(`cannot read ${file} as CSV: ${problem}`, {
    exitCode: ExitCode.invalidInput,
    ...(hint === undefined ? {} : { hint }),
  });
}

/** Bytes up to the first line break outside quotes (the header may quote a name with a newline). */
async function firstLine(path: string): Promise<{ bytes: Buffer; complete: boolean; empty: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_HEADER_BYTES, 0);
    let quoted = false;
    for (let i = 0; i < bytesRead; i++) {
      const byte = buffer[i];
      if (byte === 0x22) quoted = !quoted;
      else if (!quoted && (byte === 0x0a || byte === 0x0d)) {
        return { bytes: buffer.subarray(0, i), complete: true, empty: false };
      }
    }
    const complete = bytesRead < MAX_HEADER_BYTES;
    return { bytes: buffer.subarray(0, bytesRead), complete, empty: bytesRead === 0 };
  } finally {
    await handle.close();
  }
}

function decode(bytes: Buffer): { text: string; utf8: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), utf8: true };
  } catch {
    return { text: bytes.toString('latin1'), utf8: false };
  }
}

/** Splits one line on `delimiter`, honouring `"` quotes and `""` escapes. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

function detectDelimiter(line: string): string {
  const counts = candidates.map((candidate) => splitCsvLine(line, candidate).length);
  const best = Math.max(...counts);
  return candidates[counts.indexOf(best)] ?? ';';
}

export async function readCsvHeader(
  path: string,
  sourceFile: string,
  delimiter: string | undefined,
): Promise<CsvHeader> {
  const line = await firstLine(path);
  if (line.empty) throw invalid(sourceFile, 'the file is empty (0 bytes)');
  if (!line.complete) {
    throw invalid(
      sourceFile,
      `line 1 is longer than ${MAX_HEADER_BYTES} bytes, so it is not a header`,
      'the first line must name the columns',
    );
  }
  const { text: raw, utf8 } = decode(line.bytes);
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw invalid(sourceFile, 'line 1 is empty; the first line must name the columns');
  const chosen = delimiter ?? detectDelimiter(text);
  const columns = splitCsvLine(text, chosen).map((name) => name.trim());
  // eslint-disable-next-line no-control-regex
  const control = columns.findIndex((name) => /[\u0000-\u0008\u000e-\u001f]/.test(name));
  if (control >= 0) {
    throw invalid(
      sourceFile,
      `line 1: column ${control + 1} holds control characters; this is not a text export`,
    );
  }
  const empty = columns.indexOf('');
  if (empty >= 0) throw invalid(sourceFile, `line 1: column ${empty + 1} has no name`);
  const seen = new Map<string, number>();
  for (const [index, name] of columns.entries()) {
    const first = seen.get(name);
    if (first !== undefined) {
      throw invalid(
        sourceFile,
        `line 1: column "${name}" appears twice (columns ${first + 1} and ${index + 1})`,
      );
    }
    seen.set(name, index);
  }
  // eslint-disable-next-line no-control-regex
  const nonAscii = /[^\u0000-\u007f]/.test(text);
  return { delimiter: chosen, columns, utf8NonAscii: utf8 && nonAscii, latin1: !utf8 };
}
