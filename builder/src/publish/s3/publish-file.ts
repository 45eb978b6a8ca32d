/**
 * Uploads one local file and proves the server holds exactly it: the size by HEAD, and the
 * SHA-256 by the server's own checksum when it keeps one (S3, MinIO), else, where asked, by
 * reading the object back and hashing it (servers that keep no checksum).
 */
import { CliError, ExitCode } from '../../errors.ts';
import { fileDigests } from './file-digests.ts';
import { partSizeFor, type BucketStore } from './bucket-store.ts';
import { fileSize } from '../../files.ts';

export type Verification = 'checksum' | 'read back' | 'size';

export interface PublishedFile {
  bytes: number;
  sha256: string;
  verifiedBy: Verification;
}

function mismatch(store: BucketStore, relative: string, what: string): CliError {
  return new CliError(`s3: ${store.url(relative)} was stored with a different ${what} than was uploaded`, {
    exitCode: ExitCode.io,
    hint: 'nothing was published past this file; run again, and check the server if it repeats',
  });
}

/**
 * `readBack`: without a server checksum, hash the stored object (gold and app files, which readers
 * fetch); otherwise the size check alone stands (bronze and silver, which can be very large).
 */
export async function publishFile(
  store: BucketStore,
  relative: string,
  file: string,
  options: { readBack: boolean },
): Promise<PublishedFile> {
  const bytes = await fileSize(file);
  const partSize = partSizeFor(bytes);
  // Hashing and uploading run side by side; when one fails the other is waited for, so no upload
  // is still running once the caller cleans up and releases the bucket's lock.
  const [digests, uploaded] = await Promise.allSettled([
    fileDigests(file, partSize),
    store.upload(relative, file, bytes),
  ]);
  if (digests.status === 'rejected') throw digests.reason;
  if (uploaded.status === 'rejected') throw uploaded.reason;
  const local = digests.value;
  const stored = await store.head(relative);
  if (!stored) throw mismatch(store, relative, 'presence (HEAD found nothing)');
  if (stored.bytes !== local.bytes)
    throw mismatch(store, relative, `size (${stored.bytes} B, not ${local.bytes} B)`);
  if (stored.checksumSha256 !== undefined) {
    if (stored.checksumSha256 !== local.s3Checksum) throw mismatch(store, relative, 'SHA-256 checksum');
    return { bytes, sha256: local.sha256, verifiedBy: 'checksum' };
  }
  if (!options.readBack) return { bytes, sha256: local.sha256, verifiedBy: 'size' };
  if ((await store.readBackSha256(relative)) !== local.sha256)
    throw mismatch(store, relative, 'content (SHA-256)');
  return { bytes, sha256: local.sha256, verifiedBy: 'read back' };
}
