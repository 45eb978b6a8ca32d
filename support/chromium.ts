/**
 * Headless Chromium for browser tests: the system build (never a downloaded one), a fresh profile
 * so every run is a cold start, and no background traffic that would blur the request log.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(profileDir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
}

/**
 * Installed before any page script: records when the first KPI painted from the manifest and the
 * first KPI painted from DuckDB appear, in ms since navigation start (performance.now()).
 */
export function recordKpiPaints(): void {
  const marks: Record<string, number> = {};
  Object.assign(window, { __kpiPaints: marks });
  new MutationObserver(() => {
    for (const source of ['manifest', 'duckdb']) {
      if (marks[source] === undefined && document.querySelector(`[data-kpi][data-source=${source}]`)) {
        marks[source] = performance.now();
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}
