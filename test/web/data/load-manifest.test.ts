import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Manifest } from '#schema/manifest.ts';
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
    { name: '404', respond: () => new Response('nope', { status: 404 }), message: /HTTP 404 \(no manifest there\).*\?data=/ },
    { name: '403', respond: () => new Response('', { status: 403 }), message: /HTTP 403 \(access denied\)/ },
    { name: '500', respond: () => new Response('boom', { status: 500 }), message: /HTTP 500 \(the data host failed\)/ },
    { name: '503', respond: () => new Response('', { status: 503 }), message: /HTTP 503 \(the data host failed\)/ },
    { name: 'not JSON', respond: () => new Response('<html>'), message: /not valid JSON \(it starts with "<html>"\)/ },
    { name: 'an empty body', respond: () => new Response(''), message: /not valid JSON \(it is empty\)/ },
    { name: 'truncated JSON', respond: () => new Response('{"schema_version": 4, "tab'), message: /not valid JSON/ },
    { name: 'a JSON array', respond: () => Response.json([]), message: /not a JSON object/ },
    { name: 'JSON null', respond: () => Response.json(null), message: /not a JSON object/ },
    {
      name: 'a newer schema version',
      respond: () => Response.json({ ...validManifest(), schema_version: 99 }),
      message: new RegExp(`schema_version 99 is newer than this app reads \\(${SCHEMA_VERSION}\\).*publish-web`),
    },
    {
      name: 'an older schema version',
      respond: () => Response.json({ ...validManifest(), schema_version: 1 }),
      message: new RegExp(`schema_version 1 is older than this app reads \\(${SCHEMA_VERSION}\\).*rebuild`),
    },
    {
      name: 'a schema version that is text',
      respond: () => Response.json({ ...validManifest(), schema_version: String(SCHEMA_VERSION) }),
      message: new RegExp(`schema_version ${SCHEMA_VERSION} is not ${SCHEMA_VERSION}`),
    },    {
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
      message: /could not reach http:\/\/h\/lake\/gold\/manifest\.json .*down.*CORS/,
    },
  ])('fails clearly when the answer is $name', async ({ respond, message }) => {
    const attempt = loadManifest(base, fakeFetch(respond).fetch);
    await expect(attempt).rejects.toBeInstanceOf(DataLoadError);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toMatchObject({ url: 'http://h/lake/gold/manifest.json' });
  });
});
