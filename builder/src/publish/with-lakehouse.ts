/**
 * The target-agnostic way for other parts (the forecasting job) to read the current gold and
 * publish a new build: the same lock, working copy, verification and atomic publish as a builder
 * run, for a folder or a bucket alike. `work` gets the session: its layout holds the current
 * manifest and gold files (readCurrentManifest(session.layout)), and session.publishGold publishes
 * a staged build. The session is closed (lock released, working copy removed) however work ends.
 */
import type { Progress } from '../progress.ts';
import type { LakehouseSession } from './lakehouse-target.ts';
import type { LakehouseLocation } from './location.ts';
import { targetFor } from './open-target.ts';

export async function withLakehouse<T>(
  location: LakehouseLocation,
  progress: Progress,
  work: (session: LakehouseSession) => Promise<T>,
): Promise<T> {
  const session = await targetFor(location).open(progress);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
