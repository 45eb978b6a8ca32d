/**
 * Row conservation through the medallion, checked on every batch: the files written hold exactly
 * the rows the steps counted (read back from the Parquet footers, not from the steps), cleaned
 * rows are validated plus rejected, and rejected rows add up over the rules. Duplicates dropped is
 * bronze minus cleaned by definition. A violation means rows were lost or invented: the run fails.
 */
import type { Lineage } from '#schema';
import { StepError } from '../../errors.ts';

/** Row counts read back from the files of the batch. */
export interface FileRows {
  bronze: number;
  cleaned: number;
  validated: number;
  rejected: number;
}

export function checkConservation(lineage: Lineage, files: FileRows): void {
  const problems: string[] = [];
  const counted: FileRows = {
    bronze: lineage.bronze_rows,
    cleaned: lineage.cleaned_rows,
    validated: lineage.validated_rows,
    rejected: lineage.rejected_rows,
  };
  for (const layer of Object.keys(counted) as (keyof FileRows)[]) {
    if (files[layer] !== counted[layer]) {
      problems.push(`${layer} file holds ${files[layer]} rows, the step counted ${counted[layer]}`);
    }
  }
  if (lineage.cleaned_rows + lineage.duplicates_dropped !== lineage.bronze_rows) {
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
  if (problems.length > 0) {
    throw new StepError('silver.conservation', `row conservation violated: ${problems.join('; ')}`);
  }
}
