/**
 * Every word the SQL explorer shows, in Brazilian Portuguese, with its number formats (dots for
 * thousands: "100.000 linhas · 1.234 ms"). Kept apart from the component so wording changes in one
 * place.
 */
import type { ExampleQueryId } from '../data/explorer/example-queries.ts';
import { formatCount } from '../format.ts';

export const explorerCopy = {
  pageTitle: 'Explorador SQL',
  intro:
    'Consulte o lakehouse com SQL (DuckDB 0.9) direto no navegador. As tabelas gold são views: ' +
    'fact_demand_daily, dim_item, dim_time, fact_forecasts, fact_metrics.',
  editorLabel: 'Consulta SQL',
  loadingEditor: 'Carregando o editor…',
  editorFailed: 'O editor não carregou',
  placeholder: 'SELECT … FROM fact_demand_daily',
  run: 'Executar',
  shortcut: 'Ctrl+Enter',
  cancel: 'Cancelar',
  running: 'Executando…',
  cancelled: 'Consulta cancelada.',
  errorTitle: 'O DuckDB recusou a consulta',
  idle: 'Escreva uma consulta e pressione Ctrl+Enter (⌘+Enter no Mac) ou Executar.',
  empty: 'A consulta não retornou linhas.',
  exportCsv: 'Exportar CSV',
  exportParquet: 'Exportar Parquet',
  exporting: 'Exportando…',
  exportFailed: 'A exportação falhou',
  examples: 'Exemplos',
  history: 'Histórico',
  clearHistory: 'Limpar histórico',
  noHistory: 'As consultas executadas aparecem aqui.',
  resultLabel: 'Resultado da consulta',
  rowNumber: '#',
  nullValue: 'NULL',
  examplesTitles: {
    top_items: 'Itens com maior demanda',
    monthly_by_category: 'Demanda mensal por categoria',
    daily_fact: 'Demanda diária completa (todas as linhas)',
    demand_classes: 'Itens por classe de demanda e ABC',
    holidays: 'Demanda em feriados nacionais',
    selected_models: 'Modelos escolhidos e MASE médio',
  } satisfies Record<ExampleQueryId, string>,
  rows: (count: number) => `${formatCount(count)} ${count === 1 ? 'linha' : 'linhas'}`,
  elapsed: (ms: number) => `${formatCount(Math.round(ms))} ms`,
  columns: (count: number) => `${formatCount(count)} ${count === 1 ? 'coluna' : 'colunas'}`,
} as const;
