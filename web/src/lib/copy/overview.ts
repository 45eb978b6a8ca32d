/** Interface text of the overview page, in pt-BR (shared strings are in common.ts). */
import type { TrendGrain } from '../data/queries/overview/trend-grain.ts';

export const overviewCopy = {
  pageTitle: 'Visão geral',
  filters: {
    label: 'Filtros',
    category: 'Categoria',
    allCategories: 'Todas as categorias',
    from: 'De',
    to: 'Até',
    clearDates: 'Todo o período',
    categoriesFailed: (message: string) => `Categorias indisponíveis: ${message}`,
    unknownCategory: (name: string) =>
      `A categoria “${name}” não existe nesta base; mostrando todas as categorias.`,
    /** The dates chosen moved to whole periods, so active and top items count exact periods. */
    widened: (monthsOnly: boolean, from: string | undefined, to: string | undefined) => {
      const span = from && to ? `de ${from} a ${to}` : from ? `a partir de ${from}` : `até ${to ?? ''}`;
      return monthsOnly
        ? `Esta base tem consumo mensal: o período vale por meses inteiros (${span}).`
        : `O período vale por semanas inteiras, de segunda a domingo (${span}), para que itens ativos e os mais demandados sejam exatos.`;
    },
  },
  kpis: {
    label: 'Indicadores',
    demandValue: 'Valor da demanda',
    demandUnits: (unit: string) => `Demanda em quantidade (${unit})`,
    activeItems: 'Itens ativos',
    ofItems: (count: string) => `de ${count} itens`,
    stockoutRisk: 'Itens em risco de ruptura',
    stockoutHint: 'previsão no lead time acima do ponto de pedido',
    ofPolicies: (count: string) => `de ${count} itens com política`,
    accuracy: 'Acurácia (MASE mediano)',
    accuracyHint: (count: string) => `modelos selecionados de ${count} itens · menor é melhor`,
    noForecasts: 'previsões ainda não calculadas',
    noAccuracy: 'acurácia ainda não calculada',
    range: (from: string, to: string) => `de ${from} a ${to}`,
    allRange: 'todo o histórico',
    pending: 'calculando…',
    checking: 'Conferindo com o DuckDB…',
    liveFailed: (message: string) => `A conferência falhou: ${message} — mostrando os números do build.`,
    forecastFailed: (message: string) => `Previsões indisponíveis: ${message}`,
    noItems: 'Este build não tem itens.',
  },
  freshness: {
    actualsThrough: 'Realizado até',
    since: (from: string) => `(desde ${from})`,
    stale: (days: number) => `desatualizado: ${days} dias`,
    noActuals: 'Nenhum realizado neste build',
    forecastAsOf: 'previsão de',
  },
  trend: {
    title: (measure: string) => `Demanda ao longo do tempo, ${measure}`,
    grainLabel: 'Granularidade',
    grains: { day: 'Diária', week: 'Semanal', month: 'Mensal' } satisfies Record<TrendGrain, string>,
    measureValue: 'valor em R$',
    measureUnits: (unit: string) => `em quantidade (${unit})`,
    chartLabel: (measure: string) => `Demanda, ${measure}`,
    dailyWindow: (days: number) =>
      `Visão diária: últimos ${days} dias. Escolha um período nos filtros para ver outro intervalo.`,
    partialDropped: (count: number, grain: string) =>
      `${count} ${grain} parcial(is) nas bordas do período omitida(s), para não parecer queda de demanda.`,
    partialGrain: { day: 'dia', week: 'semana', month: 'mês' } satisfies Record<TrendGrain, string>,
    forecastLegend: 'Previsão',
    bandLegend: 'Intervalo de 80 %',
    actualLegend: 'Realizado',
    noForecast: 'Sem previsões para esta seleção.',
    empty: 'Nenhuma demanda registrada para esta seleção.',
    periodOf: { day: 'Dia', week: 'Semana de', month: 'Mês de' } satisfies Record<TrendGrain, string>,
    forecastRange: (low: string, high: string) => `intervalo 80 %: ${low} a ${high}`,
    forecastLabel: 'previsão',
  },
  top: {
    title: (n: number) => `${n} itens com maior demanda no período`,
    rankedByValue: 'ordenados por valor (R$)',
    rankedByUnits: 'ordenados por quantidade',
    item: 'Item',
    name: 'Nome',
    category: 'Categoria',
    quantity: 'Quantidade',
    value: 'Valor',
    empty: 'Nenhum item com demanda neste período.',
    openItem: (id: string) => `Abrir o item ${id}`,
  },
  mix: {
    title: 'Participação das categorias no valor da demanda',
    empty: 'Nenhuma demanda neste período.',
    selected: 'selecionada',
  },
};
