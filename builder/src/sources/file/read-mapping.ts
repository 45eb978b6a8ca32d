/**
 * Reads a column-mapping file (JSON) for an ERP export. Fields left out keep the defaults (the
 * mock ERP's Portuguese headers), so a mapping only names what differs. Anything malformed is a
 * usage error that says which key is wrong.
 */
import fs from 'node:fs/promises';
import { demandGrains, isDemandGrain, isRecord } from '#schema';
import { CliError, ExitCode } from '../../errors.ts';
import {
  defaultErpMapping,
  encodings,
  itemFields,
  movementFields,
  type Encoding,
  type ErpMapping,
} from '../erp-mapping.ts';

function mappingError(file: string, message: string): CliError {
  return new CliError(`mapping ${file}: ${message}`, {
    exitCode: ExitCode.usage,
    hint: 'see builder/samples/erp-export/mapping.json for the format',
  });
}

function columns<F extends string>(
  file: string,
  section: string,
  value: unknown,
  fields: readonly F[],
  defaults: Record<F, string>,
): Record<F, string> {
  if (value === undefined) return defaults;
  if (!isRecord(value)) throw mappingError(file, `"${section}" must be an object of field → column name`);
  const unknown = Object.keys(value).filter((key) => !(fields as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw mappingError(
      file,
      `unknown field(s) in "${section}": ${unknown.join(', ')}; expected ${fields.join(', ')}`,
    );
  }
  const result = { ...defaults };
  for (const field of fields) {
    const column = value[field];
    if (column === undefined) continue;
    if (typeof column !== 'string' || column === '') {
      throw mappingError(file, `"${section}.${field}" must be a column name`);
    }
    result[field] = column;
  }
  return result;
}

// The strptime specifiers DuckDB accepts; anything else would only fail later, row by row.
const specifier = /%-?[aAwudbBhmyYHIpMSgfnzZjUWcxX%]/g;

function isDateFormat(format: string): boolean {
  const rest = format.replace(specifier, '');
  return !rest.includes('%') && /%-?[yY]/.test(format);
}

export function parseMapping(file: string, value: unknown): ErpMapping {
  if (!isRecord(value)) throw mappingError(file, 'must be a JSON object');
  const decimal = value.decimal_separator ?? defaultErpMapping.decimalSeparator;
  if (decimal !== ',' && decimal !== '.') throw mappingError(file, '"decimal_separator" must be "," or "."');
  const encoding = value.encoding ?? 'auto';
  if (!(encodings as readonly unknown[]).includes(encoding)) {
    throw mappingError(file, `"encoding" must be one of ${encodings.join(', ')}`);
  }
  const delimiter = value.delimiter;
  if (delimiter !== undefined && (typeof delimiter !== 'string' || delimiter.length !== 1)) {
    throw mappingError(file, '"delimiter" must be a single character');
  }
  const dateFormat = value.date_format ?? defaultErpMapping.dateFormat;
  if (typeof dateFormat !== 'string' || !isDateFormat(dateFormat)) {
    throw mappingError(file, `"date_format" must be a strptime format with a year, such as "%d/%m/%Y"`);
  }
  const grain = value.grain ?? defaultErpMapping.grain;
  if (!isDemandGrain(grain)) throw mappingError(file, `"grain" must be one of ${demandGrains.join(', ')}`);
  return {
    grain,
    movements: columns(file, 'movements', value.movements, movementFields, defaultErpMapping.movements),
    items: columns(file, 'items', value.items, itemFields, defaultErpMapping.items),
    dateFormat,
    decimalSeparator: decimal,
    delimiter,
    encoding: encoding as Encoding,
  };
}

export async function readMapping(file: string | undefined): Promise<ErpMapping> {
  if (file === undefined) return { ...defaultErpMapping, delimiter: undefined };
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read mapping ${file}: ${(error as Error).message}`, {
      exitCode: ExitCode.usage,
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw mappingError(file, `not valid JSON (${(error as Error).message})`);
  }
  return parseMapping(file, value);
}
