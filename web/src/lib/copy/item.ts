/** The item page's interface text, in pt-BR. */
import type { ItemGrain } from '../data/queries/item/item-history.ts';

export const itemCopy = {
  pageTitle: 'Item',
  search: {
    label: 'Buscar item',
    placeholder: 'código ou nome, ex.: NC-BAT ou bateria',
    hint: 'Digite parte do código ou do nome; setas para escolher, Enter para abrir, Esc para fechar.',
    none: (text: string) => `Nenhum item com “${text}”.`,
    failed: (message: string) => `A busca falhou: ${message}`,
    results: (count: number) => (count === 1 ? '1 item encontrado' : `${count} itens encontrados`),
  },
  choose: 'Escolha um item para ver o histórico, a previsão e a política de estoque.',
  notFound: (id: string) => `O item “${id}” não existe neste build.`,
  attributes: {
    heading: 'Atributos',
    category: 'Categoria',
    unit: 'Unidade',
    unitCost: 'Custo unitário',
    leadTime: 'Lead time',
    leadTimeDays: (days: number) => (days === 1 ? '1 dia' : `${days} dias`),
    supplier: 'Fornecedor',
    abcClass: 'Classe ABC',
    demandClass: 'Classe de demanda',
  },
  grainLabel: 'Granularidade',
  grains: { day: 'Dia', week: 'Semana', month: 'Mês' } satisfies Record<ItemGrain, string>,
  chart: {
    heading: (unit: string, grain: ItemGrain) => `Demanda e previsão, ${perGrain(unit, grain)}`,
    yLabel: (unit: string, grain: ItemGrain) => perGrain(unit, grain),
    label: (name: string) =>
      `Gráfico de demanda e previsão de ${name}. Use as setas esquerda e direita para ler os valores.`,
    actual: 'Histórico (real)',
    forecast: (model: string) => `Previsão 90 dias (${model})`,
    forecastNoModel: 'Previsão 90 dias',
    band: (grain: ItemGrain) =>
      grain === 'day' ? 'Intervalo de 80 %' : 'Intervalo de 80 % (soma dos limites diários)',
    safetyStock: 'Estoque de segurança',
    reorderPoint: 'Ponto de pedido',
    noHistory: 'Sem demanda registrada para este item no período.',
    actualsThrough: (date: string) => `real até ${date}`,
    forecastFrom: (date: string) => `previsão feita em ${date}`,
    partial: (days: number) => `período parcial: ${days} ${days === 1 ? 'dia' : 'dias'}`,
  },
  tooltip: {
    actual: 'Real',
    forecast: 'Previsão',
    band: 'Intervalo 80 %',
  },
  notYet: 'previsões ainda não calculadas',
  notYetDetail:
    'Quando o job de previsão rodar, a previsão, o backtest e a política de estoque aparecem aqui.',
  noForecastForItem: 'Não há previsão para este item no build atual.',
  backtest: {
    heading: 'Backtest por modelo candidato',
    caption: 'Erros do backtest por modelo; o modelo escolhido está destacado.',
    model: 'Modelo',
    mase: 'MASE',
    rmsse: 'RMSSE',
    wape: 'WAPE',
    bias: 'Viés',
    coverage: 'Cobertura 80 %',
    points: 'Pontos de teste',
    chosen: 'escolhido',
    why: (model: string, mase: string) =>
      `Modelo escolhido: ${model}, com o menor MASE médio no backtest (${mase}).`,
    runnerUp: (model: string, mase: string) => `O seguinte é ${model}, com ${mase}.`,
    noneSelected: 'Nenhum modelo foi escolhido para este item.',
    legend:
      'MASE e RMSSE: erro relativo à previsão ingênua sazonal (abaixo de 1 é melhor que ela). WAPE: erro absoluto sobre a demanda total. Viés: positivo quando a previsão fica acima da demanda. Cobertura: parte dos valores reais dentro do intervalo de 80 %.',
  },
  policy: {
    heading: 'Política de estoque (modelo escolhido)',
    safetyStock: 'Estoque de segurança',
    reorderPoint: 'Ponto de pedido',
    serviceLevel: 'Nível de serviço',
  },
};

function perGrain(unit: string, grain: ItemGrain): string {
  const per = { day: 'por dia', week: 'por semana', month: 'por mês' }[grain];
  return `${unit} ${per}`;
}
