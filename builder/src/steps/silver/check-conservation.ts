/**
 * Row conservation through the medallion: bronze = cleaned + duplicates dropped, and
 * cleaned = validated + rejected. A violation means rows were lost or invented: the run fails.
 */
import type { Lineage } from '../../../../schema/index.ts';
import { StepError } from '../../errors.ts';

export function checkConservation(lineage: Lineage): void {
  const problems: string[] = [];
  if (lineage.bronze_rows !== lineage.cleaned_rows + lineage.duplicates_dropped) {
    problems.push(
      `bronze ${lineage.bronze_rows} ≠ cleaned ${lineage.cleaned_rows} + duplicates ${lineage.duplicates_dropped}`,
    );
  }
  if (lineage.cleaned_rows !== lineage.validated_rows + lineage.rejected_rows) {
    problems.push(
      `cleaned ${lineage.cleaned_rows} ≠ validated ${lineage.validated_rows} + rejected ${lineage.rejected_rows}`,
    );
  }
  const byRule = Object.values(lineage.rejected_by_rule).reduce((sum, rows) => sum + rows, 0);
  if (byRule !== lineage.rejected_rows) {
    problems.push(`rejected ${lineage.rejected_rows} ≠ sum over rules ${byRule}`);
  }
  if (problems.length > 0)
    throw new StepError('silver.conservation', `row conservation violated: ${problems.join('; ')}`);
}
