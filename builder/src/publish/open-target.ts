/** The publish target of a location: the folder itself, or a bucket through a local working copy. */
import { folderTarget } from './folder/folder-target.ts';
import type { LakehouseTarget } from './lakehouse-target.ts';
import type { LakehouseLocation } from './location.ts';
import { s3Target, type S3TargetOptions } from './s3/s3-target.ts';

export function targetFor(location: LakehouseLocation, options: S3TargetOptions = {}): LakehouseTarget {
  return location.kind === 'folder'
    ? folderTarget(location.dir)
    : s3Target(location.bucket, location.prefix, options);
}
