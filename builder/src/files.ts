/** File-system helpers for atomic outputs: write beside the target, then rename into place. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function fileSize(file: string): Promise<number> {
  return (await fs.stat(file)).size;
}

/** A temp path in the same folder as `target`, so the final rename never crosses a file system. */
function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.tmp-${process.pid}-${Date.now()}-${path.basename(target)}`);
}

/** Runs `write(tempPath)` and renames the result onto `target`; the temp file is removed on failure. */
export async function writeAtomically(
  target: string,
  write: (tempPath: string) => Promise<void>,
): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  try {
    await write(temp);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Every file under `dir` (absolute paths, sorted), leaving out temp files of atomic writes
 * (`.tmp-*`); an absent folder has none.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !path
          .relative(dir, file)
          .split(path.sep)
          .some((part) => part.startsWith('.tmp-')),
    )
    .sort();
}
