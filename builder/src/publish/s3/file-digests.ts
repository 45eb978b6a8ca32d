/**
 * The SHA-256 values S3 can report for an uploaded file, computed locally in one read: the
 * whole-file digest (what a single PUT stores) and the composite of the part digests (what a
 * multipart upload stores: SHA-256 over the concatenated part digests, suffixed with `-<parts>`).
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileDigests {
  bytes: number;
  /** Hex, as the manifest records it. */
  sha256: string;
  /** What HeadObject returns as ChecksumSHA256 for this file uploaded in parts of `partSize`. */
  s3Checksum: string;
}

export async function fileDigests(file: string, partSize: number): Promise<FileDigests> {
  const whole = createHash('sha256');
  const partDigests: Buffer[] = [];
  let part: Hash = createHash('sha256');
  let inPart = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    const data = chunk as Buffer;
    whole.update(data);
    bytes += data.length;
    let offset = 0;
    while (offset < data.length) {
      const take = Math.min(partSize - inPart, data.length - offset);
      part.update(data.subarray(offset, offset + take));
      inPart += take;
      offset += take;
      if (inPart === partSize) {
        partDigests.push(part.digest());
        part = createHash('sha256');
        inPart = 0;
      }
    }
  }
  if (inPart > 0) partDigests.push(part.digest());
  const digest = whole.digest();
  // Up to one part the upload is a single PUT, whose checksum is the whole file's.
  const s3Checksum =
    bytes <= partSize
      ? digest.toString('base64')
      : `${createHash('sha256').update(Buffer.concat(partDigests)).digest('base64')}-${partDigests.length}`;
  return { bytes, sha256: digest.toString('hex'), s3Checksum };
}
