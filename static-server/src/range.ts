/**
 * One correction to a Range header before `send` (range-parser) sees it. RFC 9110 §14.1.3: a suffix
 * range longer than the representation selects all of it (`bytes=-99999` of a 4 KiB file is the
 * whole file, 206), where range-parser answers 416. Everything else in the header is passed on as
 * it came; range-parser's handling of it (multi-range answered whole with 200, reversed or
 * unsatisfiable ranges refused with 416, unknown units ignored) is within what RFC 9110 allows.
 */
export function normalizeRange(header: string, size: number): string {
  const match = /^bytes=(.*)$/.exec(header);
  if (!match?.[1] || size === 0) return header;
  const specs = match[1].split(',').map((spec) => {
    const suffix = /^\s*-(\d+)\s*$/.exec(spec);
    return suffix?.[1] && Number(suffix[1]) > size ? '0-' : spec;
  });
  return `bytes=${specs.join(',')}`;
}
