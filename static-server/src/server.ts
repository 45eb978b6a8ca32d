/**
 * The embedded static host: the app build and the data folder served from one origin, so that
 * `/index.html` and `/gold/manifest.json` are siblings exactly as they are in a bucket.
 */
import { realpath, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { isIPv6 } from 'node:net';
import { PortInUseError, RootNotFoundError, StaticServerError } from './errors.ts';
import { requestHandler, type ServedEntry } from './request-handler.ts';

export type { ServedEntry } from './request-handler.ts';

export interface StaticServerOptions {
  /** Folders mounted at `/`, in priority order (e.g. `web/dist`, then `data`). */
  roots: string[];
  /** 0 picks a free port (tests). */
  port: number;
  /** Default 127.0.0.1: a local tool should not be reachable from the network unless asked. */
  host?: string;
  onResponse?: (entry: ServedEntry) => void;
  /** Cause of each 5xx response; the client only sees the status. */
  onError?: (error: unknown) => void;
}

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  port: number;
  /** Stops listening and drops open connections; safe to call more than once. */
  close(): Promise<void>;
}

// Containment checks compare real paths, so the roots must be real paths too.
async function realRoot(root: string): Promise<string> {
  try {
    const real = await realpath(root);
    if ((await stat(real)).isDirectory()) return real;
  } catch (error) {
    throw new RootNotFoundError(root, { cause: error });
  }
  throw new RootNotFoundError(root);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(port, { cause: error })
          : new StaticServerError(`cannot listen on ${host}:${port}: ${error.message}`, 4, { cause: error }),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function baseUrl(host: string, port: number): string {
  // A wildcard address is not something a browser can open.
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${isIPv6(shown) ? `[${shown}]` : shown}:${port}/`;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const { port, host = '127.0.0.1', onResponse, onError } = options;
  const roots = await Promise.all(options.roots.map(realRoot));
  const server = createServer(requestHandler({ roots, onResponse, onError }));
  const actualPort = await listen(server, port, host);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Browsers keep idle keep-alive sockets open for minutes; without this, close() waits for them.
      server.closeAllConnections();
    });
    return closing;
  };
  return { url: baseUrl(host, actualPort), port: actualPort, close };
}
