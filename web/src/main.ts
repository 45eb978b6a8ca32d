/**
 * Entry point: starts loading the manifest and DuckDB-WASM at once (they run in parallel; the
 * manifest alone is enough to paint the headline numbers), installs `window.nova`, mounts the app.
 *
 * The app itself is imported after that work has started, not with this module: a static import
 * would make the worker, the wasm and the manifest wait until every page's code had been fetched,
 * parsed and run.
 */
import { db, getManifest, whenReady } from './lib/data/db.ts';
import { installConsole } from './lib/console.ts';
import './app.css';

// Errors surface through the views' queries; this only starts the work early. The mark lets a
// profiler (or the bench) read when DuckDB-WASM had every gold view.
whenReady().then(
  () => performance.mark('duckdb-ready'),
  () => undefined,
);
installConsole(db, getManifest);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const [{ mount }, { default: App }] = await Promise.all([import('svelte'), import('./App.svelte')]);
mount(App, { target });
