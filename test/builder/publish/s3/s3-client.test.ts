/** Where the S3 target connects: endpoint and region from the AWS SDK's own variables. */
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../../builder/src/errors.ts';
import { s3Settings } from '../../../../builder/src/publish/s3/s3-client.ts';

describe('s3Settings', () => {
  it.each([
    { env: {}, expected: { endpoint: undefined, region: 'us-east-1' } },
    { env: { AWS_REGION: 'sa-east-1' }, expected: { endpoint: undefined, region: 'sa-east-1' } },
    {
      env: { AWS_ENDPOINT_URL: 'http://localhost:9000/' },
      expected: { endpoint: 'http://localhost:9000', region: 'us-east-1' },
    },
    {
      env: { AWS_ENDPOINT_URL: 'http://general:9000', AWS_ENDPOINT_URL_S3: 'https://s3.example:9443' },
      expected: { endpoint: 'https://s3.example:9443', region: 'us-east-1' },
    },
  ])('reads $env', ({ env, expected }) => {
    expect(s3Settings(env)).toEqual(expected);
  });

  it('refuses an endpoint that is not an http(s) URL, naming the variable', () => {
    expect(() => s3Settings({ AWS_ENDPOINT_URL: 'localhost:9000' })).toThrow(CliError);
    expect(() => s3Settings({ AWS_ENDPOINT_URL: 'localhost:9000' })).toThrow(
      /AWS_ENDPOINT_URL "localhost:9000"/,
    );
  });
});
