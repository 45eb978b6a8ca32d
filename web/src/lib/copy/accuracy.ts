/** The forecast accuracy page's interface text, in pt-BR. */
import type { DemandClass } from '#schema/tables.ts';

export const accuracyCopy = {
  pageTitle: 'Acurácia das previsões',
  heading: 'Acurácia das previsões (backtest)',
  intro:
    'Erros do backtest com origem móvel. Para cada item foi escolhido o modelo de menor MASE médio; MASE abaixo de 1 é melhor que a previsão ingênua sazonal.',
  generatedAt: (when: string) => `backtest gerado em ${when}`,
  notYet: 'previsões ainda não calculadas',
  notYetDetail:
    'Quando o job de previsão rodar, o ranking de modelos e a distribuição de erros aparecem aqui.',
  leaderboard: {
    heading: 'Ranking de modelos por classe de demanda',
    allClasses: 'Todas as classes',
    caption: (group: string) => `Modelos em ${group}, do menor ao maior MASE médio`,
    model: 'Modelo',
    items: 'Itens avaliados',
    meanMase: 'MASE médio',
    medianMase: 'MASE mediano',
    wape: 'WAPE médio',
    bias: 'Viés médio',
    coverage: 'Cobertura 80 %',
    selected: 'Escolhido em',
    selectedItems: (n: number) => (n === 1 ? '1 item' : `${n} itens`),
    best: 'melhor',
    empty: 'Nenhum backtest no build atual.',
  },
  histogram: {
    heading: 'Distribuição do MASE por item (modelo escolhido)',
    xLabel: 'MASE do modelo escolhido',
    yLabel: 'itens',
    label: 'Histograma: quantos itens têm cada faixa de MASE do modelo escolhido.',
    bar: (range: string, items: number) => `MASE ${range}: ${items === 1 ? '1 item' : `${items} itens`}`,
    empty: 'Nenhum item com MASE calculado.',
    summary: (items: number, below: number) =>
      `${items} itens; ${below} com MASE abaixo de 1 (melhores que a previsão ingênua sazonal).`,
  },
  worst: {
    heading: (n: number) => `Os ${n} itens com maior erro`,
    caption: 'Itens cujo modelo escolhido tem o maior MASE; cada item abre a sua página.',
    item: 'Item',
    name: 'Nome',
    demandClass: 'Classe',
    model: 'Modelo',
    mase: 'MASE',
    wape: 'WAPE',
    bias: 'Viés',
    coverage: 'Cobertura 80 %',
    empty: 'Nenhum item com MASE calculado.',
  },
};

/** Demand classes in pt-BR, with the technical name planners meet in the data. */
export const demandClassNames: Record<DemandClass, string> = {
  smooth: 'suave (smooth)',
  erratic: 'errática (erratic)',
  intermittent: 'intermitente (intermittent)',
  lumpy: 'irregular (lumpy)',
};
