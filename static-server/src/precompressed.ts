/**
 * Picks a precompressed sibling (`x.json.br`, `x.json.gz`) written at build time, so the server never
 * compresses on the fly. Only for requests without Range: byte offsets refer to the identity bytes,
 * and DuckDB-WASM reads Parquet by offset.
 */
import { containedFile } from './resolve-file.ts';

export type Encoding = 'br' | 'gzip';

export interface Precompressed {
  /** The file to send: the original, or a compressed sibling. */
  path: string;
  /** Set when `path` is a compressed sibling. */
  encoding?: Encoding;
  /** True when a compressed sibling exists, so the response depends on Accept-Encoding (Vary). */
  varies: boolean;
}

// Server preference: brotli is smaller for text; client q-values only decide acceptable or not.
const variants: readonly { encoding: Encoding; suffix: string }[] = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
];

/** Encodings the `Accept-Encoding` header allows (q > 0); `*` allows any not listed explicitly. */
export function acceptedEncodings(header: string | undefined): Set<Encoding> {
  const accepted = new Set<Encoding>();
  const refused = new Set<string>();
  let wildcard = false;
  for (const item of (header ?? '').split(',')) {
    const [name = '', ...params] = item.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === '*') wildcard = allowed;
    else if (!allowed) refused.add(name);
    else if (name === 'br' || name === 'gzip') accepted.add(name);
  }
  if (wildcard) for (const { encoding } of variants) if (!refused.has(encoding)) accepted.add(encoding);
  return accepted;
}

/** `root` and `path` are real paths from `resolveFile`. */
export async function precompressed(
  root: string,
  path: string,
  acceptEncoding: string | undefined,
): Promise<Precompressed> {
  const accepted = acceptedEncodings(acceptEncoding);
  let varies = false;
  for (const { encoding, suffix } of variants) {
    const sibling = await containedFile(root, path + suffix);
    if (sibling === undefined) continue;
    if (accepted.has(encoding)) return { path: sibling, encoding, varies: true };
    varies = true;
  }
  return { path, varies };
}
