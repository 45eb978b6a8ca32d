/** The static server's public entry: what npm start, the bench and other parts may call. */
export {
  startStaticServer,
  type ServedEntry,
  type StaticServer,
  type StaticServerOptions,
} from './server.ts';
export { StaticServerError } from './errors.ts';
export { parsePort } from './parse-cli-options.ts';
export { contentType } from './content-type.ts';
export { cachePolicy } from './cache-policy.ts';
