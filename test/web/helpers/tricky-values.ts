/**
 * One row per value that trips CSV writers and HTML renderers: separators, quotes, line breaks,
 * blanks, the empty string beside NULL, markup, non-ASCII, and doubles that need every digit.
 */
export const TRICKY_COLUMNS = {
  id: 'INTEGER',
  label: 'VARCHAR',
  amount: 'DOUBLE',
  day: 'DATE',
  flag: 'BOOLEAN',
} as const;

export const TRICKY_SQL = `SELECT id, label, amount, day, flag
FROM (VALUES
  (1, 'plain', 1.5, DATE '2024-01-02', true),
  (2, 'comma, inside', -0.1, NULL, false),
  (3, 'quote " inside and ""doubled""', 1e-7, DATE '2024-12-31', NULL),
  (4, 'line
break and' || chr(13) || chr(10) || 'crlf', 123456789.125, DATE '2000-02-29', true),
  (5, '', NULL, DATE '1999-12-31', false),
  (6, NULL, 0.30000000000000004, NULL, NULL),
  (7, '  padded  ', 1e300, DATE '2024-06-15', true),
  (8, '<img src=x onerror=alert(1)>', -2.5, DATE '2024-06-16', false),
  (9, 'ação, ñ; 日本 ☃', 42.0, DATE '2024-06-17', true)
) AS t(id, label, amount, day, flag)
ORDER BY id`;
