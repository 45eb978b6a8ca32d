/**
 * Maps safe path segments to a real file inside one of the served roots.
 *
 * `safePath` already refused `..`, but a symlink inside a root can still point anywhere, so every
 * candidate is resolved with realpath and must land inside the (also resolved) root. Anything that is
 * missing, outside, hidden or not a regular file counts as absent: the caller answers 404 and the
 * client never learns which of these it was.
 */
import { realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface ResolvedFile {
  /** Real path of the file. */
  path: string;
  /** Real path of the root that holds it; precompressed siblings must stay inside it too. */
  root: string;
}

const absentCodes = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP']);

function isAbsent(error: unknown): boolean {
  return error instanceof Error && 'code' in error && absentCodes.has(String(error.code));
}

/**
 * The real path of `candidate` when it is a regular, non-hidden file inside `root` (itself a real
 * path); otherwise undefined. Unexpected file-system errors (e.g. EACCES) are thrown.
 */
export async function containedFile(root: string, candidate: string): Promise<string | undefined> {
  try {
    const real = await realpath(candidate);
    const prefix = root.endsWith(sep) ? root : root + sep;
    if (!real.startsWith(prefix)) return undefined;
    // A symlink may point at a dotfile that the request itself could not name.
    const hidden = relative(root, real)
      .split(sep)
      .some((part) => part.startsWith('.'));
    if (hidden) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch (error) {
    if (isAbsent(error)) return undefined;
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot read ${candidate}: ${detail}`, { cause: error });
  }
}

/**
 * First root that holds the file wins. `/` (no segments) means `index.html`, so the app build and
 * the data folder can share one origin.
 */
export async function resolveFile(
  roots: readonly string[],
  segments: readonly string[],
): Promise<ResolvedFile | undefined> {
  const parts = segments.length === 0 ? ['index.html'] : segments;
  for (const root of roots) {
    const path = await containedFile(root, join(root, ...parts));
    if (path !== undefined) return { path, root };
  }
  return undefined;
}
