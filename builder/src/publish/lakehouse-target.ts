/**
 * The one publish interface. The pipeline always computes on a local folder with native DuckDB;
 * a target decides what that folder is (the lakehouse itself, or a working copy of a bucket) and
 * how what the run wrote reaches readers. The rules are the same for every target: one writer at a
 * time (a lock with an owner), leftovers of killed runs removed under that lock, gold files
 * published under gold/<build_id>/ and verified before gold/manifest.json is replaced in one step,
 * and old builds pruned only after that, never the one the manifest names.
 */
import type { Manifest } from '#schema';
import type { Layout } from '../layout.ts';
import type { Progress } from '../progress.ts';

/** A local file and the path it is published at, relative to the lakehouse root. */
export interface LocalFile {
  relative: string;
  file: string;
}

export interface LakehouseTarget {
  /** The folder path or s3:// URL, for messages. */
  readonly location: string;
  /** Where a browser opens `relative` (a bucket URL); undefined for a folder, which needs a server. */
  readonly publicUrl: (relative: string) => string | undefined;
  /**
   * Publishes files beside the lakehouse (the web app), each written whole and verified; returns
   * the bytes published. No lock: these paths never overlap the lakehouse's own.
   */
  publishFiles(files: readonly LocalFile[]): Promise<number>;
  /**
   * Takes the writer lock, removes what killed runs left, and returns a session whose local folder
   * holds what a run reads: the batch ledger, the active silver files and the current gold.
   */
  open(progress: Progress): Promise<LakehouseSession>;
}

export interface LakehouseSession {
  /** The local folder the pipeline reads and writes. */
  readonly layout: Layout;
  /** Publishes the bronze and silver files written since open(), the batch ledger last. */
  publishLayers(progress: Progress): Promise<void>;
  /**
   * Publishes a staged build (`stagedBuildDir` holds its files by name): every file under
   * gold/<build_id>/, verified, then the manifest, then prunes to `keepBuilds` builds. Returns the
   * ids of the builds it pruned.
   */
  publishGold(stagedBuildDir: string, manifest: Manifest, keepBuilds: number): Promise<string[]>;
  /** Releases the lock and removes any working copy; safe to call once, after success or failure. */
  close(): Promise<void>;
}
