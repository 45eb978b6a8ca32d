import { describe, expect, it } from 'vitest';
import { s3Error } from '../../../../builder/src/publish/s3/s3-errors.ts';

const sdkError = (name: string, status?: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} message`), { name, $metadata: { httpStatusCode: status }, ...extra });

describe('s3Error', () => {
  it.each([
    {
      error: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      message: /cannot reach the S3 endpoint http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/,
      hint: /AWS_ENDPOINT_URL/,
    },
    { error: sdkError('TimeoutError'), message: /cannot reach the S3 endpoint/, hint: /AWS_ENDPOINT_URL/ },
    {
      error: sdkError('InvalidAccessKeyId', 403, { AWSAccessKeyId: 'AKIASECRETKEYID' }),
      message: /does not know this access key/,
      hint: /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
    },
    {
      error: sdkError('SignatureDoesNotMatch', 403),
      message: /secret key does not match/,
      hint: /AWS_SECRET/,
    },
    { error: sdkError('UnknownError', 403), message: /access denied \(HTTP 403\)/, hint: /s3:PutObject/ },
    { error: sdkError('NoSuchBucket', 404), message: /bucket does not exist/, hint: /minio-init/ },
    {
      error: sdkError('CredentialsProviderError'),
      message: /no S3 credentials found/,
      hint: /set AWS_ACCESS_KEY_ID/,
    },
    { error: sdkError('SlowDown', 503), message: /SlowDown \(HTTP 503\): SlowDown message/, hint: /--debug/ },
  ])('$error.name', ({ error, message, hint }) => {
    const cli = s3Error(error, 'PUT s3://nova/x', 'http://127.0.0.1:9');
    expect(cli.message).toMatch(/^s3: PUT s3:\/\/nova\/x: /);
    expect(cli.message).toMatch(message);
    expect(cli.hint).toMatch(hint);
    expect(cli.exitCode).toBe(4);
    expect(`${cli.message} ${cli.hint}`).not.toContain('AKIASECRETKEYID');
  });
});
