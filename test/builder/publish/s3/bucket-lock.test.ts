/** The bucket lock against a real S3-compatible server process (support/s3-server.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_PATH, lockBucket } from '../../../../builder/src/publish/s3/bucket-lock.ts';
import type { BucketStore } from '../../../../builder/src/publish/s3/bucket-store.ts';
import { openBucketStore } from '../../../../builder/src/publish/s3/s3-target.ts';
import { startS3Server, type S3TestServer } from '#support/s3-server.ts';

let server: S3TestServer;
let prefixes = 0;
/** A fresh lakehouse prefix per test, so no test sees another's lock. */
const freshStore = (): BucketStore => openBucketStore(server.bucket, `locks/${++prefixes}`, server.env);
const readLock = async (store: BucketStore) =>
  JSON.parse((await store.getText(LOCK_PATH))?.text ?? 'null') as {
    owner: string;
    expires_at: string;
  } | null;

beforeAll(async () => {
  server = await startS3Server();
});
afterAll(() => server?.stop());

describe('lockBucket', () => {
  it('lets one writer in; a second is refused with the holder named, until the first releases', async () => {
    const store = freshStore();
    const first = await lockBucket(store);
    const held = await readLock(store);
    expect(held?.owner).toMatch(new RegExp(`:${process.pid}:[0-9a-f]{8}$`));
    await expect(lockBucket(store)).rejects.toThrow(
      new RegExp(
        `another builder is writing s3://${server.bucket}/locks/\\d+: ${held?.owner} \\(since .*, expires .*\\)`,
      ),
    );
    await first.release();
    expect(await store.getText(LOCK_PATH)).toBeUndefined();
    const second = await lockBucket(store);
    await second.release();
  });

  it('takes over a lock whose expiry has passed (its writer died)', async () => {
    const store = freshStore();
    const stale = {
      owner: 'gone:1:dead',
      host: 'gone',
      pid: 1,
      acquired_at: '2026-01-01T00:00:00Z',
      expires_at: '2026-01-01T00:02:00Z',
    };
    await store.putText(LOCK_PATH, JSON.stringify(stale));
    const lock = await lockBucket(store);
    expect((await readLock(store))?.owner).not.toBe(stale.owner);
    await lock.release();
  });

  it('counts a lock it cannot read as held, and says how to clear it', async () => {
    const store = freshStore();
    await store.putText(LOCK_PATH, 'not json');
    await expect(lockBucket(store)).rejects.toThrow(/another builder is writing/);
    await expect(lockBucket(store)).rejects.toMatchObject({
      hint: expect.stringMatching(/no builder wrote this lock; remove/),
    });
  });

  it('renews its lease while held, and refuses to vouch for a lease that ran out', async () => {
    const store = freshStore();
    let offset = 0;
    const now = () => new Date(Date.now() + offset);
    const lock = await lockBucket(store, { ttlMs: 600, now });
    const first = (await readLock(store))?.expires_at ?? '';
    await new Promise((resolve) => setTimeout(resolve, 700));
    const renewed = (await readLock(store))?.expires_at ?? '';
    expect(renewed > first).toBe(true);
    expect(() => lock.assertHeld()).not.toThrow();
    offset = 60_000; // the clock jumps past the lease without a renewal in between
    expect(() => lock.assertHeld()).toThrow(
      /lost the lock on s3:\/\/\S+: the lock expired before it could be renewed/,
    );
    await lock.release();
  });
});
