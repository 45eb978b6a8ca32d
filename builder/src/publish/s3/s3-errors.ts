/**
 * What went wrong talking to S3, as the builder's one-line error: which request, on which object,
 * and what to check. Credentials are never part of a message (the SDK's error objects carry the
 * access key id on some errors; only the name and message are used here).
 */
import { CliError, ExitCode } from '../../errors.ts';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

function shape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

/** The HTTP status of an S3 error response, if the error is one. */
export function httpStatusOf(error: unknown): number | undefined {
  const status = shape(error).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The S3 error code (NoSuchKey, AccessDenied…) or the Node network code (ECONNREFUSED…). */
export function errorCodeOf(error: unknown): string {
  const { name, code } = shape(error);
  if (typeof code === 'string' && code !== '') return code;
  return typeof name === 'string' ? name : 'Error';
}

export function isNotFound(error: unknown): boolean {
  return ['NoSuchKey', 'NotFound'].includes(errorCodeOf(error)) || httpStatusOf(error) === 404;
}

export function isPreconditionFailed(error: unknown): boolean {
  return errorCodeOf(error) === 'PreconditionFailed' || httpStatusOf(error) === 412;
}

const CREDENTIALS_HINT = 'check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';

const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The endpoint and the server disagree on TLS: which side to change. */
function transportProblem(
  code: string,
  message: string,
  endpoint: string,
): { reason: string; hint: string } | undefined {
  if (code === 'EPROTO' || /wrong version number|packet length too long|unknown protocol/.test(message)) {
    return {
      reason: `the S3 endpoint ${endpoint} does not answer TLS (${code})`,
      hint: 'if the server speaks plain HTTP, use an http:// URL in AWS_ENDPOINT_URL',
    };
  }
  if (UNTRUSTED_CERTIFICATE.has(code)) {
    return {
      reason: `the TLS certificate of ${endpoint} is not trusted (${code})`,
      hint: 'give its CA with NODE_EXTRA_CA_CERTS=<file>, or check the host name in AWS_ENDPOINT_URL',
    };
  }
  if (endpoint.startsWith('http://') && (code === 'ECONNRESET' || /socket hang up/.test(message))) {
    return {
      reason: `the S3 endpoint ${endpoint} closed the connection (${code})`,
      hint: 'if the server speaks HTTPS, use an https:// URL in AWS_ENDPOINT_URL; else check that it is running',
    };
  }
  return undefined;
}

function explain(error: unknown, endpoint: string): { reason: string; hint: string } {
  const code = errorCodeOf(error);
  const status = httpStatusOf(error);
  const text = shape(error).message;
  const transport = transportProblem(code, typeof text === 'string' ? text : '', endpoint);
  if (transport) return transport;
  if (NETWORK_CODES.has(code) || code === 'TimeoutError') {
    return {
      reason: `cannot reach the S3 endpoint ${endpoint} (${code})`,
      hint: 'check AWS_ENDPOINT_URL and that the server is running and reachable',
    };
  }
  if (code === 'InvalidAccessKeyId') {
    return {
      reason: 'the server does not know this access key (InvalidAccessKeyId)',
      hint: CREDENTIALS_HINT,
    };
  }
  if (code === 'SignatureDoesNotMatch') {
    return {
      reason: 'the secret key does not match the access key (SignatureDoesNotMatch)',
      hint: CREDENTIALS_HINT,
    };
  }
  if (code === 'CredentialsProviderError') {
    return { reason: 'no S3 credentials found', hint: `set ${CREDENTIALS_HINT.slice('check '.length)}` };
  }
  if (code === 'NoSuchBucket') {
    return {
      reason: 'the bucket does not exist (NoSuchBucket)',
      hint: 'create it first (docker compose runs minio-init for that)',
    };
  }
  if (code === 'AccessDenied' || status === 403) {
    return {
      reason: `access denied (${code === 'AccessDenied' || code === 'UnknownError' ? 'HTTP 403' : code})`,
      hint: `${CREDENTIALS_HINT}; they need s3:GetObject, s3:PutObject, s3:DeleteObject and s3:ListBucket on the bucket`,
    };
  }
  const message = shape(error).message;
  const detail = typeof message === 'string' && message !== '' && message !== code ? `: ${message}` : '';
  return {
    reason: `${code}${status === undefined ? '' : ` (HTTP ${status})`}${detail}`,
    hint: 'run with --debug for the full error',
  };
}

/** `action` names the request and its object, e.g. "upload s3://nova/lakehouse/gold/…". */
export function s3Error(error: unknown, action: string, endpoint: string | undefined): CliError {
  if (error instanceof CliError) return error;
  const { reason, hint } = explain(error, endpoint ?? 'AWS S3');
  return new CliError(`s3: ${action}: ${reason}`, { exitCode: ExitCode.io, hint, cause: error });
}
