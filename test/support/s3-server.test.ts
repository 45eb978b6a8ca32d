/**
 * The S3 test server starts with any key pair a test or a random draw gives it: base64url secrets
 * may begin with '-', which the server process once took for an option and refused to start on.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startS3Server, testS3Client, type S3TestServer } from '#support/s3-server.ts';

let server: S3TestServer;

beforeAll(async () => {
  server = await startS3Server({ accessKeyId: '-id-with-a-dash', secretAccessKey: '-secret-with-a-dash' });
});

afterAll(async () => {
  await server.stop();
});

it('serves signed requests under keys that begin with a dash', async () => {
  const client = testS3Client(server);
  await client.send(new PutObjectCommand({ Bucket: server.bucket, Key: 'probe.txt', Body: 'stored' }));
  const read = await client.send(new GetObjectCommand({ Bucket: server.bucket, Key: 'probe.txt' }));
  expect(await read.Body?.transformToString()).toBe('stored');
});
