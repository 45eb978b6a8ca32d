/**
 * The DuckDB-WASM release the web app reads gold with. Pinned: 1.28.0 is the last release whose
 * wasm links the Parquet reader; later ones download it at run time, which fails offline.
 * The builder records it in the manifest so readers know which engine the files were checked on.
 */
export const READER_DUCKDB_WASM_VERSION = '1.28.0';
