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
import { writeGold, type GoldRows, type WrittenGold } from './write-gold.ts';

/** The open Db and the files written, for queries that name a file rather than a view. */
export function useGoldFiles(engine: Engine, rows: GoldRows): { db: () => NodeDb; files: () => WrittenGold } {
  let dir = '';
  let db: NodeDb | undefined;
  let files: WrittenGold = {};
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nova-web-test-'));
    files = await writeGold(dir, rows);
    db = await engine.open(files);
  });
  afterAll(async () => {
    db?.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    db: () => {
      if (!db) throw new Error('gold fixture is not open yet');
      return db;
    },
    files: () => files,
  };
}

/** Returns a getter for the open Db; valid inside tests of the enclosing describe block. */
export function useGold(engine: Engine, rows: GoldRows): () => NodeDb {
  return useGoldFiles(engine, rows).db;
}
