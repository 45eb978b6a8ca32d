/**
 * SQL colours for the editor as CSS variables, so the same highlight style follows the light and
 * dark themes (the variables are set in SqlEditor.svelte per prefers-color-scheme).
 */
import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

export const sqlHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--sql-keyword)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--sql-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--sql-number)' },
  { tag: [tags.lineComment, tags.blockComment], color: 'var(--sql-comment)', fontStyle: 'italic' },
  { tag: [tags.typeName, tags.standard(tags.name)], color: 'var(--sql-type)' },
  { tag: [tags.operator, tags.punctuation], color: 'var(--sql-operator)' },
  { tag: tags.special(tags.name), color: 'var(--sql-identifier)' },
]);
