import { describe, expect, it } from 'vitest';
import { interactionRows } from '../../bench/interaction-rows.ts';

const itemSwitch = {
  items: ['NC-A', 'NC-B', 'NC-C'],
  rounds: 2,
  firstVisitMs: [140, 95.5, 80],
  samplesMs: [40, 52, 61, 38, 44, 120],
  domMs: [30, 40, 50, 30, 35, 100],
  medianMs: 48,
  worstMs: 120,
};
const explorerScroll = {
  sql: 'SELECT 1',
  rows: 110_696,
  pxPerFrame: 900,
  scrolledPx: 270_000,
  frames: 300,
  longestMs: 33.4,
  p95Ms: 16.9,
  medianMs: 16.7,
  overBudget: 7,
  mainThreadPerFrameMs: { task: 9.25, script: 2.5, layout: 3.125, style: 0.5 },
  loadAverage: [1.5, 1.25, 1],
};

describe('interactionRows', () => {
  it('states the item switch median and worst against 100 ms, and the first visits', () => {
    const [row] = interactionRows({ lakehouse: { factRows: 999_552 }, itemSwitch });
    expect(row).toEqual([
      'item page, switch item → new chart painted, warm (999,552 rows; 3 items × 2): median / worst',
      '48 ms / 120 ms (n=6; first visits worst 140 ms)',
      '≤ 100 ms',
    ]);
  });

  it('states the switch to the complete chart, forecast band and policy lines included, when the run measured it', () => {
    const complete = { samplesMs: [70, 90, 130], medianMs: 90, worstMs: 130 };
    const [, row] = interactionRows({
      lakehouse: { factRows: 999_552 },
      itemSwitch: { ...itemSwitch, complete },
    });
    expect(row).toEqual([
      'item page, the same switches → chart complete with forecast band and policy lines, painted: median / worst',
      '90 ms / 130 ms',
      '≤ 100 ms',
    ]);
  });

  it('states the longest frame, p95 and dropped frames of the explorer scroll, with the load', () => {
    const [row] = interactionRows({ lakehouse: { factRows: 999_552 }, explorerScroll });
    expect(row?.[1]).toBe(
      '33.4 ms / 16.9 ms / 7 (main thread 9.3 ms/frame, layout 3.1 ms, script 2.5 ms; load 1.5 1.3 1.0)',
    );
    expect(row?.[0]).toContain('110,696-row result');
    expect(row?.[2]).toBe('no dropped frames');
  });

  it('has no rows for a run from before these were measured', () => {
    expect(interactionRows({ lakehouse: { factRows: 1 } })).toEqual([]);
  });
});
