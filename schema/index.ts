export * from './tables.ts';
export * from './manifest.ts';
export * from './ident.ts';
export * from './literal.ts';
export * from './engine.ts';
export * from './sql.ts';
export * from './demand-class.ts';
export * from './silver.ts';
