/**
 * The explorer's engine in the browser: its own connection per statement on the app's one
 * DuckDB-WASM instance (so a cancel never touches the views' queries), and the in-memory file
 * system for Parquet exports.
 */
import { whenReady } from '../db.ts';
import { QueryError } from '../errors.ts';
import type { FileExportEngine } from './parquet-export.ts';
import type { SendingConnection } from './run-sql.ts';

export async function connectExplorer(): Promise<SendingConnection> {
  return (await whenReady()).connect();
}

export const explorerFiles: FileExportEngine = {
  async run(statement) {
    const conn = await (await whenReady()).connect();
    try {
      await conn.query(statement);
    } catch (cause) {
      throw new QueryError(statement, cause);
    } finally {
      await conn.close();
    }
  },
  copyFileToBuffer: async (name) => (await whenReady()).copyFileToBuffer(name),
  async dropFile(name) {
    await (await whenReady()).dropFile(name);
  },
};
