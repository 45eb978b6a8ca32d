/**
 * The static server over a fresh fixture tree (app and data roots) for the tests of one file:
 * started before them, stopped and removed after. Read `tree` and `server` inside tests only.
 */
import { afterAll, beforeAll } from 'vitest';
import { startStaticServer, type StaticServer } from '../../static-server/src/server.ts';
import { createFixtureTree, type FixtureTree } from './fixture-tree.ts';

export interface ServedFixture {
  readonly tree: FixtureTree;
  readonly server: StaticServer;
}

export function serveFixtureTree(): ServedFixture {
  let tree: FixtureTree | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    tree = await createFixtureTree();
    server = await startStaticServer({ roots: [tree.app, tree.data], port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await tree?.remove();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the fixture server is read before its beforeAll ran');
    return value;
  };
  return {
    get tree() {
      return started(tree);
    },
    get server() {
      return started(server);
    },
  };
}
