/**
 * What the shell renders for a page: a module whose default export takes the shell's props. The
 * pages other than the overview arrive as chunks of their own (dynamic import), the overview as a
 * plain value, so its first paint never waits a microtask or a request for its code.
 */
import type { Component } from 'svelte';
import type { Manifest } from '#schema/manifest.ts';
import type { Db } from '../data/db-port.ts';
import type { AppUrl } from '../state/app-url.svelte.ts';

export interface PageProps {
  manifest: Manifest;
  db: Db;
  url: AppUrl;
}

export interface PageModule {
  default: Component<PageProps>;
}
