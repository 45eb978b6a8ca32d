/**
 * Starting points for the SQL explorer, one per question planners ask first. Table and column names
 * are checked against schema/ by the compiler (`table`, `column`), so a renamed column breaks the
 * build, not the example; the tests run every example on both engines. Titles live in copy/.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import type { goldTables, GoldTableId } from '#schema/tables.ts';

export const exampleQueryIds = [
  'top_items',
  'monthly_by_category',
  'daily_fact',
  'demand_classes',
  'holidays',
  'selected_models',
] as const;
export type ExampleQueryId = (typeof exampleQueryIds)[number];

// Plain names rather than ident()'s quoted ones: an example is text for people to read and edit.
const table = (name: GoldTableId) => name as string as SqlText;
const column = <T extends GoldTableId>(_table: T, name: (typeof goldTables)[T][number]['name']) =>
  name as string as SqlText;

const fact = table('fact_demand_daily');
const items = table('dim_item');
const days = table('dim_time');
const metrics = table('fact_metrics');
const demand = column('fact_demand_daily', 'demand');
const date = column('fact_demand_daily', 'date');
const key = column('dim_item', 'item_key');
const itemId = column('dim_item', 'item_id');
const name = column('dim_item', 'name');
const category = column('dim_item', 'category');

export const exampleQueries: Record<ExampleQueryId, SqlText> = {
  top_items: sql`SELECT i.${itemId}, i.${name}, i.${category}, SUM(f.${demand}) AS total_demand
FROM ${fact} AS f
JOIN ${items} AS i ON i.${key} = f.${key}
GROUP BY i.${itemId}, i.${name}, i.${category}
ORDER BY total_demand DESC
LIMIT 20`,
  monthly_by_category: sql`SELECT CAST(date_trunc('month', f.${date}) AS DATE) AS month, i.${category},
  SUM(f.${demand}) AS total_demand
FROM ${fact} AS f
JOIN ${items} AS i ON i.${key} = f.${key}
GROUP BY month, i.${category}
ORDER BY month, i.${category}`,
  daily_fact: sql`SELECT *
FROM ${fact}
ORDER BY ${key}, ${date}`,
  demand_classes: sql`SELECT ${column('dim_item', 'demand_class')}, ${column('dim_item', 'abc_class')}, COUNT(*) AS items
FROM ${items}
GROUP BY ALL
ORDER BY ALL`,
  holidays: sql`SELECT t.${column('dim_time', 'date')}, t.${column('dim_time', 'holiday_name')}, SUM(f.${demand}) AS total_demand
FROM ${fact} AS f
JOIN ${days} AS t ON t.${column('dim_time', 'date')} = f.${date}
WHERE t.${column('dim_time', 'is_holiday_br')}
GROUP BY ALL
ORDER BY ALL`,
  selected_models: sql`SELECT ${column('fact_metrics', 'model')}, COUNT(*) AS items, AVG(${column('fact_metrics', 'mase')}) AS mean_mase
FROM ${metrics}
WHERE ${column('fact_metrics', 'is_selected')}
GROUP BY ALL
ORDER BY items DESC`,
};
