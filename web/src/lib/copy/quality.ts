/**
 * Texts of the data quality page, in Brazilian Portuguese. The rule codes stay as the builder
 * writes them (reports and SQL group by them); each comes with what it means for a planner.
 */
import type { RejectionRuleCode } from '#schema/silver.ts';

export const qualityCopy = {
  title: 'Qualidade dos dados',
  intro:
    'De onde vêm os números: quantas linhas o ERP enviou, quantas foram descartadas como duplicadas ou rejeitadas pelas regras de negócio, e quantas chegaram ao gold.',
  build: {
    heading: 'Build publicado',
    buildId: 'Build',
    generatedAt: 'Gerado em',
    source: 'Fonte',
    batches: 'Lotes',
    actuals: 'Dados reais',
    builderEngine: 'Motor do builder',
    readerEngine: 'Motor do navegador',
  },
  lineage: {
    heading: 'Linhagem das linhas',
    stages: {
      bronze: 'Recebidas (bronze)',
      duplicates: 'Duplicadas descartadas',
      cleaned: 'Limpas (silver)',
      rejected: 'Rejeitadas pelas regras',
      validated: 'Validadas (chegam ao gold)',
    },
    conservationOk:
      'Conservação conferida: recebidas = limpas + duplicadas; limpas = validadas + rejeitadas.',
    conservationBroken: 'Atenção: as contagens do manifesto não fecham (recebidas, limpas e validadas).',
    perBatchHeading: 'Por lote',
    batch: 'Lote',
    batchNumber: (n: number) => `Lote ${n}`,
    mode: 'Tipo',
    modes: { snapshot: 'completo', incremental: 'incremental' },
    ingestedAt: 'Recebido em',
    total: 'Total do build',
    ledgerUnavailable:
      'O registro de lotes (silver/batches.json) não está publicado neste endereço; só o total do build é mostrado.',
  },
  rules: {
    heading: 'Rejeições por regra',
    code: 'Regra',
    meaning: 'O que significa',
    rows: 'Linhas',
    share: '% das limpas',
    order: 'Cada linha é rejeitada pela primeira regra que viola, na ordem abaixo.',
  },
  examples: {
    heading: 'Exemplos de linhas rejeitadas',
    ruleFilter: 'Regra',
    allRules: 'Todas as regras',
    shown: (shown: number, total: number) => `${shown} de ${total} linhas rejeitadas`,
    empty: 'Nenhuma linha rejeitada por esta regra.',
    unavailable:
      'Os arquivos de linhas rejeitadas (silver/rejected) não estão publicados junto ao gold neste endereço, então só as contagens do manifesto são mostradas.',
    reason: 'Detalhe',
    columns: {
      batch: 'Lote',
      batchNumber: (n: number) => `Lote ${n}`,
      file: 'Arquivo',
      line: 'Linha',
      rule: 'Regra',
      message: 'Mensagem do builder',
      movement: 'Movimento',
      date: 'Data (como recebida)',
      item: 'Item',
      quantity: 'Quantidade (como recebida)',
      site: 'Site',
    },
    checking: 'Procurando os arquivos silver/rejected…',
  },
  loading: 'Carregando…',
  failed: 'Falha na consulta',
} as const;

/** Short label and explanation of each rejection rule. */
export const ruleCopy: Record<RejectionRuleCode, { label: string; meaning: string }> = {
  MISSING_ID: {
    label: 'Sem identificador',
    meaning: 'O movimento chegou sem número de documento, então não dá para rastreá-lo nem deduplicá-lo.',
  },
  BAD_DATE: {
    label: 'Data inválida',
    meaning:
      'A data do movimento não pôde ser lida (formato desconhecido ou dia impossível, como 31/02) ou é anterior a 1990 (ano digitado errado).',
  },
  FUTURE_DATE: {
    label: 'Data futura',
    meaning: 'A data do movimento é posterior ao dia em que o lote foi recebido.',
  },
  BAD_QUANTITY: {
    label: 'Quantidade não numérica',
    meaning:
      'A quantidade não é um número finito (por exemplo "n/d", texto, NaN ou infinito) ou passa de 1 bilhão de unidades.',
  },
  NON_POSITIVE_QUANTITY: {
    label: 'Quantidade não positiva',
    meaning: 'A quantidade é zero ou negativa; uma saída de material precisa ser maior que zero.',
  },
  UNKNOWN_ITEM: {
    label: 'Item desconhecido',
    meaning: 'O código do material não existe no cadastro de itens recebido.',
  },
};
