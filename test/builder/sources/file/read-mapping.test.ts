import { describe, expect, it } from 'vitest';
import { CliError } from '../../../../builder/src/errors.ts';
import { defaultErpMapping } from '../../../../builder/src/sources/erp-mapping.ts';
import { parseMapping } from '../../../../builder/src/sources/file/read-mapping.ts';

describe('parseMapping', () => {
  it('keeps the defaults for everything a mapping leaves out, and sniffs the delimiter', () => {
    const mapping = parseMapping('m.json', { movements: { quantity: 'Qtde' } });
    expect(mapping.movements).toEqual({ ...defaultErpMapping.movements, quantity: 'Qtde' });
    expect(mapping.items).toEqual(defaultErpMapping.items);
    expect(mapping.delimiter).toBeUndefined();
    expect(mapping.encoding).toBe('auto');
  });

  it('reads every option', () => {
    const mapping = parseMapping('m.json', {
      delimiter: ',',
      decimal_separator: '.',
      date_format: '%Y%m%d',
      encoding: 'latin-1',
    });
    expect(mapping).toMatchObject({
      delimiter: ',',
      decimalSeparator: '.',
      dateFormat: '%Y%m%d',
      encoding: 'latin-1',
    });
  });

  it.each([
    { value: [], message: /must be a JSON object/ },
    { value: { decimal_separator: ';' }, message: /"decimal_separator" must be "," or "."/ },
    { value: { encoding: 'utf-16' }, message: /"encoding" must be one of auto, utf-8, latin-1/ },
    { value: { delimiter: ';;' }, message: /"delimiter" must be a single character/ },
    { value: { date_format: '%d/%m' }, message: /"date_format" must be a strptime format with a year/ },
    { value: { date_format: '%d/%q/%Y' }, message: /"date_format"/ },
    { value: { movements: { qty: 'Qtde' } }, message: /unknown field\(s\) in "movements": qty/ },
    { value: { items: { name: '' } }, message: /"items.name" must be a column name/ },
    { value: { items: 'Código' }, message: /"items" must be an object/ },
  ])('refuses $value', ({ value, message }) => {
    expect(() => parseMapping('m.json', value)).toThrow(CliError);
    expect(() => parseMapping('m.json', value)).toThrow(message);
  });
});
