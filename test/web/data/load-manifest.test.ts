import { describe, expect, it } from 'vitest';
import type { Manifest } from '#schema/manifest.ts';
import { manifestFixture } from '../../helpers/manifest-fixture.ts';
import { DataLoadError } from '../../../web/src/lib/data/errors.ts';
import { loadManifest } from '../../../web/src/lib/data/load-manifest.ts';

const base = new URL('http://h/lake/');

const validManifest = manifestFixture;

function fakeFetch(respond: () => Response | Promise<Response>): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fn = (input: RequestInfo | URL) => {
    urls.push(String(input));
    return Promise.resolve(respond());
  };
  return { fetch: fn as typeof fetch, urls };
}

describe('loadManifest', () => {
  it('fetches gold/manifest.json under the base and returns it', async () => {
    const manifest = validManifest();
    const fake = fakeFetch(() => Response.json(manifest));
    await expect(loadManifest(base, fake.fetch)).resolves.toEqual(manifest);
    expect(fake.urls).toEqual(['http://h/lake/gold/manifest.json']);
  });

  it.each([
    { name: '404', respond: () => new Response('nope', { status: 404 }), message: /HTTP 404.*\?data=/ },
    { name: 'not JSON', respond: () => new Response('<html>'), message: /not valid JSON/ },
    { name: 'a JSON array', respond: () => Response.json([]), message: /not a JSON object/ },
    {
      name: 'another schema version',
      respond: () => Response.json({ ...validManifest(), schema_version: 99 }),
      message: /schema_version 99/,
    },
    {
      name: 'missing a table',
      respond: () => {
        const tables: Partial<Manifest['tables']> = validManifest().tables;
        delete tables.fact_metrics;
        return Response.json({ ...validManifest(), tables });
      },
      message: /fact_metrics/,
    },
    {
      name: 'missing the summary',
      respond: () => Response.json({ ...validManifest(), summary: { item_count: 1 } }),
      message: /summary/,
    },
    {
      name: 'a network failure',
      respond: () => Promise.reject(new TypeError('Failed to fetch')),
      message: /could not reach http:\/\/h\/lake\/gold\/manifest\.json/,
    },
  ])('fails clearly when the answer is $name', async ({ respond, message }) => {
    const attempt = loadManifest(base, fakeFetch(respond).fetch);
    await expect(attempt).rejects.toBeInstanceOf(DataLoadError);
    await expect(attempt).rejects.toThrow(message);
  });
});
