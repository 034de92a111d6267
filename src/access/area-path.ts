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
