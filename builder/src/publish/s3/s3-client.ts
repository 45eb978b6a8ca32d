/**
 * The S3 client, configured from the AWS SDK's own environment variables: AWS_ENDPOINT_URL_S3 or
 * AWS_ENDPOINT_URL (MinIO, any S3-compatible server), AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
 * (or any other source of the SDK's default credential chain) and AWS_REGION (us-east-1 when unset).
 */
import { S3Client } from '@aws-sdk/client-s3';
import { CliError, ExitCode } from '../../errors.ts';

export interface S3Settings {
  /** Set for MinIO and other S3-compatible servers; undefined means AWS S3 itself. */
  endpoint: string | undefined;
  region: string;
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The endpoint is checked here, as the SDK would only fail on it later with a parser's message. */
export function s3Settings(env: NodeJS.ProcessEnv): S3Settings {
  const name = env.AWS_ENDPOINT_URL_S3 ? 'AWS_ENDPOINT_URL_S3' : 'AWS_ENDPOINT_URL';
  const endpoint = (env[name] ?? '').replace(/\/+$/, '');
  if (endpoint !== '' && !isHttpUrl(endpoint)) {
    throw new CliError(`${name} "${endpoint}" is not an http:// or https:// URL`, {
      exitCode: ExitCode.usage,
      hint: 'set it to http://host:port or https://host:port (MinIO: http://localhost:9000)',
    });
  }
  return { endpoint: endpoint === '' ? undefined : endpoint, region: env.AWS_REGION || 'us-east-1' };
}

/**
 * Keys given in `env` are used as they are (what the SDK's own fromEnv would read from
 * process.env); without them the SDK's default chain looks further (profiles, SSO, instance roles).
 */
function credentialsFrom(env: NodeJS.ProcessEnv) {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined };
}

/** Every request is retried this many times in all (standard mode: exponential backoff with jitter). */
export const MAX_ATTEMPTS = 5;

export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const { endpoint, region } = s3Settings(env);
  // The pinned SDK release supports Node 20 (see README); the notice that releases after January
  // 2027 will not is said once there, not on every run. AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED
  // set to anything else shows it again.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new S3Client({
    region,
    endpoint,
    credentials: credentialsFrom(env),
    // MinIO and most S3-compatible servers address buckets by path, not by DNS name.
    forcePathStyle: endpoint !== undefined,
    // Checksums only where the API requires them or where we ask (SHA-256 on every upload). The
    // default (WHEN_SUPPORTED) adds CRC32 to every upload and sends streamed bodies aws-chunked
    // with a trailing checksum, which MinIO releases and other S3-compatible servers store framed
    // or refuse; our own SHA-256 header is checked by S3 and MinIO on receipt instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    maxAttempts: MAX_ATTEMPTS,
    retryMode: 'standard',
    // A connection that cannot be made in 10 s, or a request silent for 2 minutes, fails (and is
    // retried) instead of hanging the run.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
  });
}

/** The URL a browser opens for the app published at `prefix` (path-style when an endpoint is set). */
export function bucketUrl(settings: S3Settings, bucket: string, prefix: string): string {
  const key = prefix === '' ? '' : `${prefix}/`;
  if (settings.endpoint) return `${settings.endpoint}/${bucket}/${key}`;
  return `https://${bucket}.s3.${settings.region}.amazonaws.com/${key}`;
}
