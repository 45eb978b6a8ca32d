/**
 * The S3-compatible test server as its own process (started by support/s3-server.ts, not by hand):
 * @20minutes/s3rver on a loopback port, storing objects in a folder, with one key pair and the
 * buckets created at start. Prints `{"port":N}` on stdout once it listens; SIGTERM closes it.
 *
 *   tsx support/s3-server-process.ts --dir DIR --port 0 --bucket NAME [--bucket NAME…]
 *       --access-key ID --secret-key SECRET [--cors]
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;
interface Account {
  createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  revokeAccessKey(accessKeyId: string): void;
}

// What a browser reading Parquet by Range from another origin needs (the same rules as the
// static server and docker-compose.yml's MINIO_API_CORS_ALLOW_ORIGIN).
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>Content-Range</ExposeHeader>
    <ExposeHeader>Content-Length</ExposeHeader>
    <ExposeHeader>Accept-Ranges</ExposeHeader>
    <ExposeHeader>ETag</ExposeHeader>
  </CORSRule>
</CORSConfiguration>`;

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    port: { type: 'string', default: '0' },
    bucket: { type: 'string', multiple: true, default: [] },
    'access-key': { type: 'string' },
    'secret-key': { type: 'string' },
    cors: { type: 'boolean', default: false },
  },
});
const accessKey = values['access-key'];
const secretKey = values['secret-key'];
if (!values.dir || !accessKey || !secretKey) throw new Error('needs --dir, --access-key and --secret-key');

const require = createRequire(import.meta.url);
const S3rver = require('@20minutes/s3rver') as S3rverClass;
const { DUMMY_ACCOUNT } = require('@20minutes/s3rver/lib/models/account') as { DUMMY_ACCOUNT: Account };
// Only the test's own key pair is known to the server (its built-in S3RVER pair is removed).
DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
DUMMY_ACCOUNT.createKeyPair(accessKey, secretKey);

const server = new S3rver({
  address: '127.0.0.1',
  port: Number(values.port),
  directory: values.dir,
  silent: true,
  // s3rver's own SigV4 check rejects some valid SDK requests (ListObjectsV2), so signatures are
  // not checked: an unknown access key is still refused, a wrong secret key is not.
  allowMismatchedSignatures: true,
  vhostBuckets: false,
  configureBuckets: values.bucket.map((name) => ({ name, configs: values.cors ? [Buffer.from(CORS)] : [] })),
});
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
