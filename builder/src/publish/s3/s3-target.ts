/**
 * The S3 target (AWS S3, MinIO, any S3-compatible server). A run works on a local copy: open()
 * takes the bucket lock, removes builds that killed runs left unpublished, and mirrors what the run
 * reads into a temp folder. What the run writes goes up in the order readers need: bronze and
 * silver files, then the ledger naming them; gold files under gold/<build_id>/, each verified,
 * then gold/manifest.json in one PUT; pruning last. A failure before the manifest PUT leaves the
 * published build and every file it names untouched.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MANIFEST_PATH, manifestFiles, type Manifest } from '#schema';
import { CliError, ExitCode } from '../../errors.ts';
import { listFiles, sha256File } from '../../files.ts';
import { Layout } from '../../layout.ts';
import type { Progress } from '../../progress.ts';
import type { LakehouseSession, LakehouseTarget } from '../lakehouse-target.ts';
import { describeLocation } from '../location.ts';
import { pruneBucketBuilds, removeUnpublishedBuilds } from './bucket-builds.ts';
import { lockBucket, type BucketLock } from './bucket-lock.ts';
import { BucketStore } from './bucket-store.ts';
import { inParallel } from './in-parallel.ts';
import { LEDGER_PATH, mirrorLakehouse, type Mirror } from './mirror-lakehouse.ts';
import { publishFile } from './publish-file.ts';
import { bucketUrl, createS3Client, s3Settings } from './s3-client.ts';
import { isPreconditionFailed } from './s3-errors.ts';

export interface S3TargetOptions {
  env?: NodeJS.ProcessEnv;
  /** Lease of the bucket lock (default 120 s). */
  lockTtlMs?: number;
}

/** Files uploaded at once (each with its own parts in flight, see bucket-store.ts). */
const FILES_IN_FLIGHT = 3;

export function openBucketStore(
  bucket: string,
  prefix: string,
  env: NodeJS.ProcessEnv = process.env,
): BucketStore {
  return new BucketStore(createS3Client(env), bucket, prefix, s3Settings(env).endpoint);
}

function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function session(store: BucketStore, lock: BucketLock, layout: Layout, mirror: Mirror): LakehouseSession {
  const publishLayers = async (progress: Progress) => {
    const written = [
      ...(await listFiles(layout.resolve('bronze'))),
      ...(await listFiles(layout.resolve('silver'))),
    ]
      .map((file) => relativeTo(layout.root, file))
      .filter((relative) => relative !== LEDGER_PATH && !mirror.files.has(relative));
    const ledgerFile = layout.ledgerFile();
    const ledgerSha = await sha256File(ledgerFile).catch(() => undefined);
    const ledgerChanged = ledgerSha !== undefined && ledgerSha !== mirror.files.get(LEDGER_PATH);
    if (written.length === 0 && !ledgerChanged) return;
    await progress.step('publish: bronze, silver', async () => {
      const published = await inParallel(written, FILES_IN_FLIGHT, async (relative) => {
        const result = await publishFile(store, relative, layout.resolve(...relative.split('/')), {
          readBack: false,
        });
        mirror.files.set(relative, result.sha256);
        return result;
      });
      if (ledgerChanged) {
        const text = await fs.readFile(ledgerFile, 'utf8');
        mirror.ledgerEtag = await store.putText(
          LEDGER_PATH,
          text,
          mirror.ledgerEtag ? { ifMatch: mirror.ledgerEtag } : { ifNoneMatch: true },
        );
        mirror.files.set(LEDGER_PATH, ledgerSha);
      }
      const bytes = published.reduce((sum, file) => sum + file.bytes, 0);
      const ledger = ledgerChanged ? ' and the ledger' : '';
      return { bytes, detail: `${published.length} files${ledger} → ${store.url('')}` };
    });
  };

  const publishGold = async (stagedBuildDir: string, manifest: Manifest, keepBuilds: number) => {
    // Everything staged goes up under gold/<build_id>/, as the folder target renames the whole
    // staged folder; the manifest must name exactly these files, with these hashes.
    const buildDir = `gold/${manifest.build_id}`;
    const staged = await listFiles(stagedBuildDir);
    const uploaded = new Map<string, string>();
    await inParallel(staged, FILES_IN_FLIGHT, async (file) => {
      const relative = `${buildDir}/${relativeTo(stagedBuildDir, file)}`;
      uploaded.set(relative, (await publishFile(store, relative, file, { readBack: true })).sha256);
    });
    for (const entry of manifestFiles(manifest)) {
      if (uploaded.get(entry.path) !== entry.sha256) {
        throw new CliError(
          `${entry.path} is not what the manifest describes (missing or changed when staged)`,
          {
            exitCode: ExitCode.io,
          },
        );
      }
    }
    lock.assertHeld();
    try {
      mirror.manifestEtag = await store.putText(
        MANIFEST_PATH,
        `${JSON.stringify(manifest, null, 2)}\n`,
        mirror.manifestEtag ? { ifMatch: mirror.manifestEtag } : { ifNoneMatch: true },
      );
    } catch (error) {
      if (!isPreconditionFailed((error as Error).cause)) throw error;
      throw new CliError(`${store.url(MANIFEST_PATH)} was replaced by another writer during this run`, {
        exitCode: ExitCode.io,
        hint: `this run's build ${manifest.build_id} was not published; run again`,
      });
    }
    return pruneBucketBuilds(store, manifest.build_id, keepBuilds);
  };

  return { layout, publishLayers, publishGold, close: async () => undefined };
}

export function s3Target(bucket: string, prefix: string, options: S3TargetOptions = {}): LakehouseTarget {
  const store = openBucketStore(bucket, prefix, options.env);
  const settings = s3Settings(options.env ?? process.env);
  return {
    location: describeLocation({ kind: 's3', bucket, prefix }),
    publicUrl: (relative) => `${bucketUrl(settings, bucket, prefix)}${relative}`,
    async publishFiles(files) {
      const published = await inParallel(files, FILES_IN_FLIGHT, ({ relative, file }) =>
        publishFile(store, relative, file, { readBack: true }),
      );
      return published.reduce((sum, file) => sum + file.bytes, 0);
    },
    async open(progress) {
      const lock = await lockBucket(store, { ttlMs: options.lockTtlMs });
      let workDir: string | undefined;
      const cleanUp = async () => {
        if (workDir) await fs.rm(workDir, { recursive: true, force: true });
        await lock.release();
      };
      try {
        await removeUnpublishedBuilds(store);
        workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'nova-lakehouse-'));
        const layout = new Layout(workDir);
        const mirror = await progress.step('s3: mirror ledger, active silver, current gold', async () => {
          const result = await mirrorLakehouse(store, layout);
          return { ...result, detail: `${result.files.size} objects ← ${store.url('')}` };
        });
        return { ...session(store, lock, layout, mirror), close: cleanUp };
      } catch (error) {
        await cleanUp().catch(() => undefined);
        throw error;
      }
    },
  };
}
