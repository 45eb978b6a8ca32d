/**
 * The one grain of the batches a build is made from. Daily movements and monthly totals cannot
 * be added up into one history (a month's total may already hold the days sent separately), so a
 * lakehouse whose active batches mix grains is refused rather than guessed at.
 */
import type { DemandGrain } from '#schema';
import { CliError, ExitCode } from '../errors.ts';
import type { BatchRecord } from './batch-ledger.ts';

export function batchGrain(batches: readonly BatchRecord[]): DemandGrain {
  const grains = [...new Set(batches.map((batch) => batch.grain ?? 'day'))];
  const [grain, ...others] = grains;
  if (grain === undefined) return 'day';
  if (others.length > 0) {
    throw new CliError(`the active batches mix grains (${grains.join(', ')}); gold holds one source grain`, {
      exitCode: ExitCode.invalidInput,
      hint: 'build each grain into a lakehouse of its own (--out), or send a snapshot that replaces the others',
    });
  }
  return grain;
}
