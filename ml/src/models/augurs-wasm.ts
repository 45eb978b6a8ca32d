/**
 * @bsull/augurs ships wasm-bindgen "web" modules: in Node their wasm is read from the package
 * folder and instantiated synchronously, once per thread (no network, no fetch).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as ets from '@bsull/augurs/ets';
import * as mstl from '@bsull/augurs/mstl';
import * as prophet from '@bsull/augurs/prophet';

const require = createRequire(import.meta.url);
const initialised = new Set<string>();

function init(
  name: 'ets' | 'mstl' | 'prophet',
  module: { initSync: (input: { module: Buffer }) => unknown },
) {
  if (initialised.has(name)) return;
  const wasm = require.resolve(`@bsull/augurs/${name}`).replace(/\.js$/, '_bg.wasm');
  module.initSync({ module: fs.readFileSync(wasm) });
  initialised.add(name);
}

export function augursEts(): typeof ets {
  init('ets', ets);
  return ets;
}

export function augursMstl(): typeof mstl {
  init('mstl', mstl);
  return mstl;
}

export function augursProphet(): typeof prophet {
  init('prophet', prophet);
  return prophet;
}
