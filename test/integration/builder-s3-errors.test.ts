/**
 * S3 misconfigurations against real servers on loopback, each one clear line (what failed, where,
 * what to check), exit 4 and never a credential in the output: a bucket that does not exist,
 * https:// to a plain HTTP server, http:// to a TLS server, a TLS certificate nobody trusts, an
 * endpoint that is not a URL. (A refused key and an endpoint that is down are in
 * builder-s3-faults.test.ts.) The TLS server uses a throwaway self-signed certificate made with
 * openssl at test time.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer, type Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { startS3Server, type S3TestServer } from '#support/s3-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const WINDOW = ['--items', '5', '--from', '2025-01-01', '--to', '2025-01-31'];

let s3: S3TestServer;
let tls: Server;
let tlsPort: number;
let temp: Awaited<ReturnType<typeof makeTempDir>>;

beforeAll(async () => {
  temp = await makeTempDir('s3-errors');
  const key = join(temp.dir, 'key.pem');
  const cert = join(temp.dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  tls = createServer({ key: await readFile(key), cert: await readFile(cert) }, (_req, res) => {
    res.writeHead(500);
    res.end();
  });
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  const address = tls.address();
  tlsPort = typeof address === 'object' && address ? address.port : 0;
  s3 = await startS3Server();
});

afterAll(async () => {
  await s3?.stop();
  await new Promise<void>((resolve) => (tls ? tls.close(() => resolve()) : resolve()));
  await temp?.cleanup();
});

describe('S3 misconfiguration', () => {
  const cases = [
    {
      case: 'a bucket that does not exist',
      location: () => 's3://no-such-bucket/x',
      env: () => ({}),
      message: /^builder: s3: \w+ s3:\/\/no-such-bucket\/x\/\S+: the bucket does not exist \(NoSuchBucket\)$/,
      hint: /^hint: create it first/,
    },
    {
      case: 'https:// to a plain HTTP server',
      location: () => `s3://${s3.bucket}/x`,
      env: () => ({ AWS_ENDPOINT_URL: `https://127.0.0.1:${s3.port}` }),
      message:
        /^builder: s3: GET s3:\/\/\S+: the S3 endpoint https:\/\/127\.0\.0\.1:\d+ does not answer TLS \(EPROTO\)$/,
      hint: /^hint: if the server speaks plain HTTP, use an http:\/\/ URL/,
    },
    {
      case: 'http:// to a TLS server',
      location: () => `s3://${s3.bucket}/x`,
      env: () => ({ AWS_ENDPOINT_URL: `http://127.0.0.1:${tlsPort}` }),
      message:
        /^builder: s3: GET s3:\/\/\S+: the S3 endpoint http:\/\/127\.0\.0\.1:\d+ closed the connection/,
      hint: /^hint: if the server speaks HTTPS, use an https:\/\/ URL/,
    },
    {
      case: 'a self-signed certificate',
      location: () => `s3://${s3.bucket}/x`,
      env: () => ({ AWS_ENDPOINT_URL: `https://127.0.0.1:${tlsPort}` }),
      message:
        /^builder: s3: GET s3:\/\/\S+: the TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)$/,
      hint: /^hint: give its CA with NODE_EXTRA_CA_CERTS/,
    },
    {
      case: 'an endpoint that is not a URL',
      location: () => `s3://${s3.bucket}/x`,
      env: () => ({ AWS_ENDPOINT_URL: 'minio:9000 please' }),
      code: 2,
      message: /^builder: AWS_ENDPOINT_URL "minio:9000 please" is not an http:\/\/ or https:\/\/ URL$/,
      hint: /^hint: set it to http:\/\/host:port/,
    },
  ];

  it.each(cases)(
    '$case: one line, a hint, exit 4 (2 for a malformed setting), no credentials echoed',
    async ({ location, env, message, hint, ...rest }) => {
      for (const debug of [[], ['--debug']]) {
        const run = await runCli(BUILDER_CLI, ['run', '--s3', location(), ...WINDOW, ...debug], {
          ...s3.env,
          ...env(),
        });
        expect(run.code, run.stderr).toBe('code' in rest ? rest.code : 4);
        const lines = run.stderr.split('\n');
        expect(lines[0]).toMatch(message);
        expect(lines[1]).toMatch(hint);
        if (debug.length === 0)
          expect(lines.slice(2).join('\n').trim()).toBe('(run with --debug for details)');
        for (const secret of [s3.secretAccessKey, s3.accessKeyId]) {
          expect(run.stdout + run.stderr).not.toContain(secret);
        }
      }
    },
  );
});
