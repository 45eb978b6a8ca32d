/**
 * How a result cell reads on screen: decimal comma as elsewhere in the app but no thousands
 * grouping (ids and years stay 2024, not 2.024), NULL spelt out, lists and structs as JSON. Exports
 * never use this: they keep the engine's values.
 */
import type { Plain } from '../../data/arrow-rows.ts';

export function cellText(value: Plain, nullText: string): string {
  if (value === null) return nullText;
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
