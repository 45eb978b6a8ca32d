/**
 * Refuses a CSV with a line longer than DuckDB's reader accepts, naming the line, before anything is
 * copied into bronze. DuckDB reports such a line precisely only in some positions: a huge last line
 * after the header came back as "no data rows", which hides what is wrong with the file.
 */
import { createReadStream } from 'node:fs';
import { CliError, ExitCode } from '../../errors.ts';

/** DuckDB's default `max_line_size`, so the reader itself never meets a longer line. */
export const MAX_LINE_BYTES = 2 * 1024 * 1024;

export async function checkLineLengths(path: string, sourceFile: string): Promise<void> {
  let line = 1;
  let length = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    let start = 0;
    for (let end = bytes.indexOf(0x0a, start); end !== -1; end = bytes.indexOf(0x0a, start)) {
      if (length + end - start > MAX_LINE_BYTES) break;
      line++;
      length = 0;
      start = end + 1;
    }
    length += bytes.length - start;
    if (length > MAX_LINE_BYTES) {
      throw new CliError(
        `cannot read ${sourceFile} as CSV: line ${line} is longer than ${MAX_LINE_BYTES} bytes`,
        {
          exitCode: ExitCode.invalidInput,
          hint: 'one line is one movement; a line this long is not one',
        },
      );
    }
  }
}
