/**
 * Where a lakehouse lives: a local folder, or a bucket and key prefix (`s3://bucket/prefix`). The
 * same layout (bronze/, silver/, gold/) sits under either.
 */
import path from 'node:path';

export type LakehouseLocation =
  { kind: 'folder'; dir: string } | { kind: 's3'; bucket: string; prefix: string };

// S3 bucket naming rules (also MinIO's): 3-63 characters, lowercase letters, digits, dots and
// hyphens, starting and ending with a letter or digit.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
// Prefix segments the layout can live under and a browser URL can carry without escaping.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The location of `s3://bucket[/prefix]`, or a one-line reason why it is not one. */
export function parseS3Url(url: string): LakehouseLocation | string {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url);
  if (!match?.[1]) return `"${url}" is not an s3://bucket/prefix URL`;
  const bucket = match[1];
  if (!BUCKET.test(bucket) || bucket.includes('..')) return `"${bucket}" is not a valid bucket name`;
  const segments = (match[2] ?? '').split('/').filter((segment) => segment !== '');
  const bad = segments.find((segment) => !SEGMENT.test(segment));
  if (bad !== undefined) return `prefix segment "${bad}" may hold only letters, digits, ".", "_" and "-"`;
  return { kind: 's3', bucket, prefix: segments.join('/') };
}

/** How messages name the location: the folder path, or the s3:// URL. */
export function describeLocation(location: LakehouseLocation): string {
  if (location.kind === 'folder') return path.resolve(location.dir);
  return location.prefix === '' ? `s3://${location.bucket}` : `s3://${location.bucket}/${location.prefix}`;
}
