/**
 * The folder target: the lakehouse folder is itself the pipeline's working folder, so bronze and
 * silver are in place as soon as they are written, and gold is published by rename (publish-local).
 */
import fs from 'node:fs/promises';
import { fileSize, writeAtomically } from '../../files.ts';
import { lockLakehouse } from '../../lakehouse-lock.ts';
import { Layout } from '../../layout.ts';
import type { LakehouseSession, LakehouseTarget } from '../lakehouse-target.ts';
import { publishLocal } from '../publish-local.ts';
import { removeLeftovers } from '../remove-leftovers.ts';

export function folderTarget(dir: string): LakehouseTarget {
  const layout = new Layout(dir);
  return {
    location: layout.root,
    publicUrl: () => undefined,
    async publishFiles(files) {
      let bytes = 0;
      for (const { relative, file } of files) {
        const target = layout.resolve(...relative.split('/'));
        await writeAtomically(target, (temp) => fs.copyFile(file, temp));
        bytes += await fileSize(target);
      }
      return bytes;
    },
    async open(): Promise<LakehouseSession> {
      await fs.mkdir(layout.goldDir(), { recursive: true });
      const unlock = await lockLakehouse(layout);
      try {
        await removeLeftovers(layout);
      } catch (error) {
        await unlock();
        throw error;
      }
      return {
        layout,
        publishLayers: async () => undefined,
        publishGold: (stagedBuildDir, manifest, keepBuilds) =>
          publishLocal(layout, stagedBuildDir, manifest, keepBuilds),
        close: unlock,
      };
    },
  };
}
