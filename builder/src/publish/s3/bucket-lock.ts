/**
 * One writer per lakehouse in a bucket: a lock object (`.builder.lock` under the prefix) naming its
 * owner and when it expires. A pid means nothing across machines, so a lock is stale when its
 * expiry has passed; the holder renews it while it works, so only a writer that died (or lost the
 * bucket for longer than the lease) loses it. Creating and renewing use conditional writes
 * (If-None-Match / If-Match), so of two writers only one wins; servers that ignore them are
 * covered by reading the lock back.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { isRecord } from '#schema';
import { CliError, ExitCode } from '../../errors.ts';
import type { BucketStore } from './bucket-store.ts';
import { isPreconditionFailed } from './s3-errors.ts';

export const LOCK_PATH = '.builder.lock';

interface LockBody {
  owner: string;
  host: string;
  pid: number;
  acquired_at: string;
  expires_at: string;
}

function isLockBody(value: unknown): value is LockBody {
  return isRecord(value) && typeof value.owner === 'string' && typeof value.expires_at === 'string';
}

export interface BucketLock {
  /** Throws unless the lock is still ours and unexpired: checked before the manifest is replaced. */
  assertHeld(): void;
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long the lock holds without renewal (default 120 s); renewed every third of that. */
  ttlMs?: number;
  now?: () => Date;
}

function heldBy(store: BucketStore, body: LockBody | undefined): CliError {
  const who = body
    ? `${body.owner} (since ${body.acquired_at}, expires ${body.expires_at})`
    : 'another builder';
  return new CliError(`another builder is writing ${store.url('').replace(/\/$/, '')}: ${who}`, {
    exitCode: ExitCode.io,
    hint: body
      ? 'wait for it to finish; a lock left by a run that died expires by itself'
      : `no builder wrote this lock; remove ${store.url(LOCK_PATH)} if no builder is running`,
  });
}

async function readLock(
  store: BucketStore,
): Promise<{ body: LockBody | undefined; etag: string | undefined } | undefined> {
  const stored = await store.getText(LOCK_PATH);
  if (!stored) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(stored.text);
  } catch {
    value = undefined;
  }
  return { body: isLockBody(value) ? value : undefined, etag: stored.etag };
}

export async function lockBucket(store: BucketStore, options: LockOptions = {}): Promise<BucketLock> {
  const ttlMs = options.ttlMs ?? 120_000;
  const now = options.now ?? (() => new Date());
  const owner = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const acquiredAt = now().toISOString();
  const body = (): LockBody => ({
    owner,
    host: os.hostname(),
    pid: process.pid,
    acquired_at: acquiredAt,
    expires_at: new Date(now().getTime() + ttlMs).toISOString(),
  });

  const existing = await readLock(store);
  // A lock is written in one PUT, so an unreadable one was not written by a builder: it counts as
  // held (its expiry is unknown) until someone removes it.
  if (existing && (!existing.body || Date.parse(existing.body.expires_at) > now().getTime())) {
    throw heldBy(store, existing.body);
  }
  let expiresAt = 0;
  let etag: string | undefined;
  const write = async (condition: Parameters<BucketStore['putText']>[2]) => {
    const next = body();
    etag = await store.putText(LOCK_PATH, `${JSON.stringify(next, null, 2)}\n`, condition);
    expiresAt = Date.parse(next.expires_at);
  };
  try {
    await write(existing?.etag ? { ifMatch: existing.etag } : { ifNoneMatch: true });
  } catch (error) {
    if (isPreconditionFailed((error as Error).cause)) throw heldBy(store, (await readLock(store))?.body);
    throw error;
  }
  const confirmed = await readLock(store);
  if (confirmed?.body?.owner !== owner) throw heldBy(store, confirmed?.body);

  let lost: string | undefined;
  const renew = async () => {
    try {
      await write(etag ? { ifMatch: etag } : undefined);
    } catch (error) {
      // Another writer took the lock over: this run must not publish. Other failures are retried
      // on the next tick; assertHeld refuses once the lease has run out.
      if (isPreconditionFailed((error as Error).cause)) lost = 'another builder took the lock over';
    }
  };
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing.then(renew);
  }, ttlMs / 3);
  timer.unref();

  return {
    assertHeld() {
      const reason =
        lost ?? (now().getTime() >= expiresAt ? 'the lock expired before it could be renewed' : undefined);
      if (reason) {
        throw new CliError(`lost the lock on ${store.url('').replace(/\/$/, '')}: ${reason}`, {
          exitCode: ExitCode.io,
          hint: 'nothing was published; run again',
        });
      }
    },
    async release() {
      clearInterval(timer);
      await renewing;
      const current = await readLock(store);
      if (current?.body?.owner === owner) await store.deleteObjects([LOCK_PATH]);
    },
  };
}
