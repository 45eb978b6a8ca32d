/**
 * What a killed writer's lease running out looks like, at once: the bucket lock object under
 * `prefix` (if any) rewritten with its expiry in the past, so the next run may take it over
 * without the tests waiting out the real lease.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { LOCK_PATH } from '../builder/src/publish/s3/bucket-lock.ts';
import type { S3TestServer } from './s3-server.ts';

export async function expireBucketLock(
  server: S3TestServer,
  client: S3Client,
  prefix: string,
): Promise<void> {
  const key = `${prefix}/${LOCK_PATH}`;
  const response = await fetch(server.url(key));
  if (response.status === 404) return;
  const lock = (await response.json()) as Record<string, unknown>;
  await client.send(
    new PutObjectCommand({
      Bucket: server.bucket,
      Key: key,
      Body: JSON.stringify({ ...lock, expires_at: new Date(Date.now() - 1000).toISOString() }),
      ContentType: 'application/json',
    }),
  );
}
