/**
 * The app's interface text shared by every page (shell, navigation, query states), in pt-BR: the
 * planners' language. Each page keeps its own strings in `copy/<page>.ts`; numbers and dates are
 * formatted by format.ts in the same locale.
 */
export const shellCopy = {
  title: 'Nova Corrente',
  subtitle: 'demanda de peças de reposição',
  navLabel: 'Páginas',
  build: (buildId: string, source: string) => `build ${buildId} · fonte ${source}`,
  dataFrom: 'dados de',
  loadingManifest: (url: string) => `Carregando o manifesto do lakehouse de ${url}…`,
  openFailed: 'Não foi possível abrir o lakehouse.',
  loadingPage: 'Carregando a página…',
  // A page's code could not be fetched: the network dropped, or a new release replaced it.
  pageFailed: 'Não foi possível carregar esta página; recarregue o navegador.',
  tried: 'Endereço tentado:',
  skipToContent: 'Pular para o conteúdo',
};

export const queryCopy = {
  loading: 'Carregando…',
  failed: (message: string) => `A consulta falhou: ${message}`,
};
