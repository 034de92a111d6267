import { randomUUID } from 'node:crypto';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

interface WithHeaders {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Every request gets the server's own id (in the X-Request-Id response header, the problem body
 * and the audit log): a client cannot choose the id an auditor will search for.
 */
export const serverRequestId = (): string => randomUUID();

/** The X-Request-Id a client sent, when it is a sane token; kept beside ours, marked as the client's. */
export function clientRequestId(request: WithHeaders): string | null {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : null;
}

/** Both ids of a request, for what is logged before there is a caller (a sign-in). */
export interface RequestIds {
  requestId: string;
  clientRequestId: string | null;
}

export function requestIds(request: WithHeaders & { id: unknown }): RequestIds {
  return { requestId: String(request.id), clientRequestId: clientRequestId(request) };
}
