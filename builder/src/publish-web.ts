/**
 * `publish-web`: the built app beside gold/, so the lakehouse's folder or bucket prefix is the whole
 * product (`<prefix>/index.html` reads `<prefix>/gold/manifest.json`). Hashed assets go first and
 * index.html last, so the page never names an asset that is not there yet; assets of earlier app
 * versions stay, for pages still open on them.
 */
import path from 'node:path';
import { CliError, ExitCode } from './errors.ts';
import { listFiles } from './files.ts';
import type { LakehouseTarget, LocalFile } from './publish/lakehouse-target.ts';

/** Top-level names the lakehouse owns; an app file there would shadow or break it. */
const RESERVED = new Set(['bronze', 'silver', 'gold', '.builder.lock']);

export interface PublishedApp {
  files: number;
  bytes: number;
  /** Where to open it, for a bucket. */
  url: string | undefined;
}

export async function publishWebApp(target: LakehouseTarget, distDir: string): Promise<PublishedApp> {
  const files: LocalFile[] = (await listFiles(distDir)).map((file) => ({
    relative: path.relative(distDir, file).split(path.sep).join('/'),
    file,
  }));
  const entry = files.find((file) => file.relative === 'index.html');
  if (!entry) {
    throw new CliError(`${distDir} holds no index.html`, {
      exitCode: ExitCode.io,
      hint: 'run npm run build:web',
    });
  }
  const clash = files.find((file) => RESERVED.has(file.relative.split('/')[0] ?? ''));
  if (clash) {
    throw new CliError(`the app build holds ${clash.relative}, which would overwrite the lakehouse`, {
      exitCode: ExitCode.io,
    });
  }
  const rest = files.filter((file) => file !== entry);
  const bytes = (await target.publishFiles(rest)) + (await target.publishFiles([entry]));
  return { files: files.length, bytes, url: target.publicUrl('index.html') };
}
