/**
 * Writes rows once into a temp folder and opens every engine over them, for `describe.each`.
 * Cleans up after the file's tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { NodeDb } from '#support/node-db.ts';
import type { Engine } from './engines.ts';
import { writeGold, type GoldRows } from './write-gold.ts';

/** Returns a getter for the open Db; valid inside tests of the enclosing describe block. */
export function useGold(engine: Engine, rows: GoldRows): () => NodeDb {
  let dir = '';
  let db: NodeDb | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nova-web-test-'));
    db = await engine.open(await writeGold(dir, rows));
  });
  afterAll(async () => {
    db?.close();
    await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!db) throw new Error('gold fixture is not open yet');
    return db;
  };
}
