import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/api';

export type Schemas = components['schemas'];
export type Problem = Schemas['ProblemDto'];
export type Role = Schemas['UserProfile']['role'];

/**
 * The only way the console reaches the service: the public API, typed from its OpenAPI document
 * (console/src/generated/api.d.ts, kept equal to the served document by test/client-journey).
 * The token lives in this tab's sessionStorage and in memory, nowhere else.
 */
const TOKEN_KEY = 'cms.token';
let token: string | null = sessionStorage.getItem(TOKEN_KEY);
let onUnauthorized: () => void = () => undefined;

export const session = {
  token: () => token,
  set(value: string | null) {
    token = value;
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
  /** Signs out: the service ends the token (POST /auth/logout), and the tab forgets it at once. */
  end() {
    const ending = token;
    session.set(null);
    if (ending)
      void api.POST('/api/v1/auth/logout', { headers: { authorization: `Bearer ${ending}` } }).catch(() => undefined);
  },
  onUnauthorized(handler: () => void) {
    onUnauthorized = handler;
  },
};

const auth: Middleware = {
  onRequest({ request }) {
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    // A refused sign-in or sign-out is not a session that expired.
    if (response.status === 401 && !/\/auth\/(login|logout)$/.test(request.url)) onUnauthorized();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', cache: 'no-store' });
api.use(auth);

/** The problem document of a failed call, or one made up for a network failure. */
export function problemOf(error: unknown, status = 0): Problem {
  if (error && typeof error === 'object' && 'title' in error) return error as Problem;
  return { type: 'about:blank', title: status ? `HTTP ${status}` : 'Network error', status, detail: '' };
}

/** Field errors of a problem, keyed by field path (children[0].dateOfBirth). */
export function fieldErrors(problem: Problem | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of problem?.errors ?? [])
    out[error.field] = out[error.field] ? `${out[error.field]}; ${error.message}` : error.message;
  return out;
}

/** A key per form: a double click or a retry of the same filing sends the same key. */
export const newIdempotencyKey = () => crypto.randomUUID();

/** Downloads an authenticated file (CSV, XLSX) without keeping it anywhere but the user's downloads. */
export async function download(url: string, accept: string, filename: string): Promise<Problem | null> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token ?? ''}`, accept }, cache: 'no-store' });
  if (!response.ok) return problemOf(await response.json().catch(() => null), response.status);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return null;
}

/** Sends a CSV file's text as it is (areas, population): the typed client speaks JSON only. */
export async function sendCsv(
  method: 'POST' | 'PUT',
  url: string,
  text: string,
): Promise<{ ok: boolean; body: unknown; problem: Problem | null }> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token ?? ''}`, 'content-type': 'text/csv' },
    body: text,
    cache: 'no-store',
  });
  const body: unknown = await response.json().catch(() => null);
  return { ok: response.ok, body, problem: response.ok ? null : problemOf(body, response.status) };
}
