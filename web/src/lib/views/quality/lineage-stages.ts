/**
 * The lineage counts as the stages a planner reads top to bottom, and the conservation rules the
 * builder enforces (checked again here, since the page states them).
 */
import type { Lineage } from '#schema/manifest.ts';

export type StageKey = 'bronze' | 'duplicates' | 'cleaned' | 'rejected' | 'validated';

export interface Stage {
  key: StageKey;
  rows: number;
  /** Rows leaving the flow (dropped or rejected) rather than moving on. */
  dropped: boolean;
}

export function lineageStages(lineage: Lineage): Stage[] {
  return [
    { key: 'bronze', rows: lineage.bronze_rows, dropped: false },
    { key: 'duplicates', rows: lineage.duplicates_dropped, dropped: true },
    { key: 'cleaned', rows: lineage.cleaned_rows, dropped: false },
    { key: 'rejected', rows: lineage.rejected_rows, dropped: true },
    { key: 'validated', rows: lineage.validated_rows, dropped: false },
  ];
}

/** bronze = cleaned + duplicates, cleaned = validated + rejected, rejected = the sum over rules. */
export function lineageConserved(lineage: Lineage): boolean {
  const byRule = Object.values(lineage.rejected_by_rule).reduce((sum, rows) => sum + rows, 0);
  return (
    lineage.bronze_rows === lineage.cleaned_rows + lineage.duplicates_dropped &&
    lineage.cleaned_rows === lineage.validated_rows + lineage.rejected_rows &&
    lineage.rejected_rows === byRule
  );
}
