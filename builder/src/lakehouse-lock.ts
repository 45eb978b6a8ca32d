/**
 * One writer per lakehouse folder: a lock file holding the writer's pid. The file is written in
 * full under a temp name and hard-linked into place, so it appears atomically with its pid (a
 * second writer never reads a half-written lock) and the link fails if a lock already exists.
 * A lock whose pid no longer runs (a killed run) is taken over.
 */
import fs from 'node:fs/promises';
import { CliError, ExitCode } from './errors.ts';
import type { Layout } from './layout.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryCreate(file: string): Promise<boolean> {
  const temp = `${file}.${process.pid}`;
  await fs.writeFile(temp, String(process.pid));
  try {
    await fs.link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

function heldBy(holder: number, layout: Layout): CliError {
  return new CliError(`another builder (pid ${holder}) is writing ${layout.root}`, {
    exitCode: ExitCode.io,
    hint: 'wait for it to finish; runs of one lakehouse never overlap',
  });
}

/** Takes the lock; the returned function releases it. */
export async function lockLakehouse(layout: Layout): Promise<() => Promise<void>> {
  const file = layout.resolve('.builder.lock');
  const release = () => fs.rm(file, { force: true });
  if (await tryCreate(file)) return release;
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  const holder = Number(text.trim());
  // Only a lock that names a process which is gone is stale; anything unreadable counts as held.
  if (!Number.isInteger(holder) || holder <= 0 || holder === process.pid || isAlive(holder)) {
    throw heldBy(holder, layout);
  }
  // Move the stale lock aside (rename is atomic: of two writers taking over, one gets ENOENT),
  // check that what moved is still the dead holder's, then create ours as above.
  const stale = `${file}.stale.${process.pid}`;
  try {
    await fs.rename(file, stale);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const moved = await fs.readFile(stale, 'utf8').catch(() => text);
  await fs.rm(stale, { force: true });
  if (moved.trim() !== text.trim()) {
    // A new writer locked in between; put its lock back.
    await fs.writeFile(file, moved, { flag: 'wx' }).catch(() => undefined);
    throw heldBy(Number(moved.trim()), layout);
  }
  if (await tryCreate(file)) return release;
  throw heldBy(Number((await fs.readFile(file, 'utf8').catch(() => '')).trim()), layout);
}
