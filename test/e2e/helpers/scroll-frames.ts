/**
 * Scrolls an element a fixed distance every animation frame, the way a fast flick or a held
 * scrollbar does, and returns the time between frames (ms). Runs inside the page.
 */
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

export function frameStats(frames: readonly number[]) {
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    frames: frames.length,
    longestMs: sorted.at(-1) ?? 0,
    p95Ms: at(0.95),
    medianMs: at(0.5),
    over20Ms: frames.filter((f) => f > 20).length,
  };
}
