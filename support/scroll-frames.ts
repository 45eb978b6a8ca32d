/**
 * Scrolls an element a fixed distance every animation frame, the way a fast flick or a held
 * scrollbar does, and returns the time between frames (ms). Runs inside the page. Shared by the
 * explorer's browser test (which checks the rows) and the bench (which reports the frame times).
 */
import type { Page } from 'playwright-core';

export interface ScrollFrames {
  frames: number[];
  scrolledPx: number;
}

export function scrollEveryFrame(args: {
  selector: string;
  pxPerFrame: number;
  maxFrames: number;
}): Promise<ScrollFrames> {
  const element = document.querySelector(args.selector);
  if (!(element instanceof HTMLElement)) throw new Error(`no element ${args.selector}`);
  const frames: number[] = [];
  const start = element.scrollTop;
  return new Promise((resolve) => {
    let last = 0;
    const frame = (time: number) => {
      if (last !== 0) frames.push(time - last);
      last = time;
      const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
      if (frames.length >= args.maxFrames || atEnd) {
        resolve({ frames, scrolledPx: element.scrollTop - start });
        return;
      }
      element.scrollTop += args.pxPerFrame;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** One frame at 60 Hz: a gap longer than this means the display skipped at least one frame. */
export const FRAME_BUDGET_MS = 1000 / 60;

export interface FrameStats {
  frames: number;
  longestMs: number;
  p95Ms: number;
  medianMs: number;
  /** Gaps longer than FRAME_BUDGET_MS (with a little slack for timer rounding): dropped frames. */
  overBudget: number;
}

export function frameStats(frames: readonly number[]): FrameStats {
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    frames: frames.length,
    longestMs: sorted.at(-1) ?? 0,
    p95Ms: at(0.95),
    medianMs: at(0.5),
    // rAF timestamps jitter by a fraction of a ms around 16.67; 0.5 ms of slack keeps on-time frames out.
    overBudget: frames.filter((f) => f > FRAME_BUDGET_MS + 0.5).length,
  };
}

/** Renderer main-thread time (ms) by kind, from Chromium's own counters (CDP Performance.getMetrics). */
export interface MainThreadMs {
  task: number;
  script: number;
  layout: number;
  style: number;
}

/**
 * Runs `work` and returns the main-thread time Chromium counted during it. Frame gaps measure the
 * whole machine (on shared cores they grow with other processes' load); these counters measure
 * what the page itself made the renderer do.
 */
export async function mainThreadDuring<T>(
  page: Page,
  work: () => Promise<T>,
): Promise<{ result: T; mainThread: MainThreadMs }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      return {
        task: value('TaskDuration'),
        script: value('ScriptDuration'),
        layout: value('LayoutDuration'),
        style: value('RecalcStyleDuration'),
      };
    };
    const before = await read();
    const result = await work();
    const after = await read();
    return {
      result,
      mainThread: {
        task: after.task - before.task,
        script: after.script - before.script,
        layout: after.layout - before.layout,
        style: after.style - before.style,
      },
    };
  } finally {
    await cdp.detach();
  }
}
