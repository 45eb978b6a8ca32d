/**
 * Installed before any page script (page.addInitScript): counts the connections the page asks
 * DuckDB-WASM's worker for, read back with `connectsAsked(page)`. DuckDB-WASM 1.28 sends each as
 * a `{ type: 'CONNECT' }` message (WorkerRequestType.CONNECT in its worker_request.ts).
 */
import type { Page } from 'playwright-core';

export function countConnects(): void {
  const counted = { connects: 0 };
  Object.assign(window, { __duckdbConnects: counted });
  const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
  Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    const [message] = args;
    if (typeof message === 'object' && message !== null && 'type' in message && message.type === 'CONNECT') {
      counted.connects += 1;
    }
    post.apply(this, args);
  } as Worker['postMessage'];
}

export async function connectsAsked(page: Page): Promise<number> {
  const counted: unknown = await page.evaluate(
    () => (window as { __duckdbConnects?: unknown }).__duckdbConnects,
  );
  if (typeof counted !== 'object' || counted === null || !('connects' in counted)) {
    throw new Error('countConnects was not installed before the page loaded');
  }
  return Number(counted.connects);
}
