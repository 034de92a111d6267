/** The administrative tiers, from the top (docs/domain.md, Administrative areas). */
export const AREA_LEVELS = ['country', 'province', 'district', 'commune'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Area paths join codes with dots: `VN`, `VN.46`, `VN.46.19753`. */
export const PATH_SEPARATOR = '.';

/** True when `path` is `scope` itself or lies below it. */
export function isWithin(path: string | null | undefined, scope: string): boolean {
  if (!path) return false;
  return path === scope || path.startsWith(scope + PATH_SEPARATOR);
}

/** `LIKE` pattern for everything strictly below `scope` (codes never hold `%`, `_` is escaped). */
export function descendantsPattern(scope: string): string {
  return scope.replace(/[\\%_]/g, (char) => `\\${char}`) + PATH_SEPARATOR + '%';
}

/** The country's code, which is also its path (it exists from the first migration). */
export const COUNTRY_CODE = 'VN';

/** The country is the one path with no parent: `VN`. */
export function isCountry(path: string): boolean {
  return !path.includes(PATH_SEPARATOR);
}
