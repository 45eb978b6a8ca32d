/**
 * The objects of one lakehouse in a bucket, named by their path under the lakehouse root (the
 * same relative paths as in a folder). Every request's failure becomes a CliError naming the
 * request and the object (s3-errors.ts). Uploads set Content-Type and Cache-Control from the
 * serving rules and ask for a SHA-256 checksum, which S3 and MinIO check on receipt.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { writeAtomically } from '../../files.ts';
import { objectHeaders } from '../object-headers.ts';
import { isNotFound, s3Error } from './s3-errors.ts';

/** Parts of 8 MiB (S3's minimum is 5 MiB), larger when a file would need more than 10,000. */
export function partSizeFor(bytes: number): number {
  return Math.max(8 * 1024 * 1024, Math.ceil(bytes / 10_000));
}

/** Parts of one file in flight at once: memory stays near PARTS_IN_FLIGHT × part size per file. */
const PARTS_IN_FLIGHT = 4;

export interface StoredText {
  text: string;
  etag: string | undefined;
}

export interface ObjectInfo {
  bytes: number;
  /** ChecksumSHA256 as the server reports it (base64, `-<parts>` for multipart), if it keeps one. */
  checksumSha256: string | undefined;
}

/** Conditional write: replace only the version read before (ifMatch) or only create (ifNoneMatch). */
export type WriteCondition = { ifMatch: string } | { ifNoneMatch: true } | undefined;

export class BucketStore {
  constructor(
    readonly client: S3Client,
    readonly bucket: string,
    readonly prefix: string,
    readonly endpoint: string | undefined,
  ) {}

  key(relative: string): string {
    return this.prefix === '' ? relative : `${this.prefix}/${relative}`;
  }

  url(relative: string): string {
    return `s3://${this.bucket}/${this.key(relative)}`;
  }

  private fail(error: unknown, verb: string, relative: string): Error {
    return s3Error(error, `${verb} ${this.url(relative)}`, this.endpoint);
  }

  async head(relative: string): Promise<ObjectInfo | undefined> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(relative), ChecksumMode: 'ENABLED' }),
      );
      return { bytes: head.ContentLength ?? -1, checksumSha256: head.ChecksumSHA256 };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.fail(error, 'HEAD', relative);
    }
  }

  async getText(relative: string): Promise<StoredText | undefined> {
    try {
      const got = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key(relative) }),
      );
      return { text: (await got.Body?.transformToString('utf8')) ?? '', etag: got.ETag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.fail(error, 'GET', relative);
    }
  }

  /** One PUT (the object appears whole or not at all); returns the new ETag. */
  async putText(relative: string, text: string, condition?: WriteCondition): Promise<string | undefined> {
    const headers = objectHeaders(relative);
    try {
      const put = await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key(relative),
          Body: text,
          ContentType: headers.contentType,
          CacheControl: headers.cacheControl,
          ChecksumAlgorithm: 'SHA256',
          ...(condition && 'ifMatch' in condition ? { IfMatch: condition.ifMatch } : {}),
          ...(condition && 'ifNoneMatch' in condition ? { IfNoneMatch: '*' } : {}),
        }),
      );
      return put.ETag;
    } catch (error) {
      throw this.fail(error, 'PUT', relative);
    }
  }

  /** Streams a file up: one PUT up to one part, else a multipart upload with bounded parts in flight. */
  async upload(relative: string, file: string, bytes: number): Promise<void> {
    const headers = objectHeaders(relative);
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: this.key(relative),
        Body: createReadStream(file),
        ContentType: headers.contentType,
        CacheControl: headers.cacheControl,
        // Per part: the SDK hashes each part buffer and the server checks it on receipt.
        ChecksumAlgorithm: 'SHA256',
      },
      partSize: partSizeFor(bytes),
      queueSize: PARTS_IN_FLIGHT,
      // A failed multipart upload is aborted, so no orphaned parts stay billed.
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      throw this.fail(error, 'upload', relative);
    }
  }

  private async body(relative: string): Promise<Readable> {
    try {
      const got = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key(relative) }),
      );
      return got.Body as Readable;
    } catch (error) {
      throw this.fail(error, 'GET', relative);
    }
  }

  /** Downloads into `file` (temp file + rename, so a failed download leaves nothing behind). */
  async download(relative: string, file: string): Promise<void> {
    const body = await this.body(relative);
    try {
      await writeAtomically(file, (temp) => pipeline(body, createWriteStream(temp)));
    } catch (error) {
      throw this.fail(error, 'download', relative);
    }
  }

  /** SHA-256 (hex) of the object as the server returns it, read back in full. */
  async readBackSha256(relative: string): Promise<string> {
    const body = await this.body(relative);
    const hash = createHash('sha256');
    try {
      for await (const chunk of body) hash.update(chunk as Buffer);
    } catch (error) {
      throw this.fail(error, 'read back', relative);
    }
    return hash.digest('hex');
  }

  private async *listPages(relativePrefix: string, delimiter?: string) {
    let token: string | undefined;
    do {
      const page = await this.client
        .send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.key(relativePrefix),
            Delimiter: delimiter,
            ContinuationToken: token,
          }),
        )
        .catch((error: unknown) => {
          throw this.fail(error, 'LIST', relativePrefix);
        });
      yield page;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Names of the "folders" directly under `relativePrefix` (which ends with `/`). */
  async listFolders(relativePrefix: string): Promise<string[]> {
    const names: string[] = [];
    const start = this.key(relativePrefix).length;
    for await (const page of this.listPages(relativePrefix, '/')) {
      for (const common of page.CommonPrefixes ?? []) {
        if (common.Prefix) names.push(common.Prefix.slice(start).replace(/\/$/, ''));
      }
    }
    return names;
  }

  /** Every object under `relativePrefix`, as paths relative to the lakehouse root. */
  async listObjects(relativePrefix: string): Promise<string[]> {
    const keys: string[] = [];
    const start = this.key('').length;
    for await (const page of this.listPages(relativePrefix)) {
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key.slice(start));
    }
    return keys;
  }

  /** Deletes the objects, 1,000 per request (the API's limit); any object it could not delete fails. */
  async deleteObjects(relativePaths: readonly string[]): Promise<void> {
    for (let start = 0; start < relativePaths.length; start += 1000) {
      const batch = relativePaths.slice(start, start + 1000);
      const first = batch[0] ?? '';
      const result = await this.client
        .send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: batch.map((relative) => ({ Key: this.key(relative) })), Quiet: true },
          }),
        )
        .catch((error: unknown) => {
          throw this.fail(error, 'DELETE', first);
        });
      const [failed] = result.Errors ?? [];
      if (failed) {
        const error = Object.assign(new Error(failed.Message ?? ''), { code: failed.Code });
        throw this.fail(error, 'DELETE', failed.Key?.slice(this.key('').length) ?? first);
      }
    }
  }
}
