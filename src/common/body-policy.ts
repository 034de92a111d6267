/** How large a body each route reads, and which routes take `text/csv`: decided here, for all routes. */
const KiB = 1024;
const MiB = 1024 * KiB;

/** Every route not named below: far above the largest JSON body (a plan of 50 long goals). */
export const DEFAULT_BODY_LIMIT = 1 * MiB;
/** Sign-in and password routes: a username and a password or two. */
export const AUTH_BODY_LIMIT = 4 * KiB;
/** The imports: a whole country's areas or population in one file. */
export const IMPORT_BODY_LIMIT = 50 * MiB;

/** The routes that import tables, as CSV (and, for the population, as JSON too). */
export const CSV_ROUTES: readonly string[] = ['POST /areas/import', 'PUT /population'];

export interface BodyPolicy {
  limit: number;
  acceptsCsv: boolean;
}

/** The policy of a route, by method and path below the API prefix (`POST /auth/login`). */
export function bodyPolicy(method: string, path: string): BodyPolicy {
  const route = `${method.toUpperCase()} ${path.replace(/\/+$/, '')}`;
  if (CSV_ROUTES.includes(route)) return { limit: IMPORT_BODY_LIMIT, acceptsCsv: true };
  if (path.startsWith('/auth/')) return { limit: AUTH_BODY_LIMIT, acceptsCsv: false };
  return { limit: DEFAULT_BODY_LIMIT, acceptsCsv: false };
}

/** The media type of a Content-Type header, without parameters (`text/csv; charset=utf-8` → `text/csv`). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
