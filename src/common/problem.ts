import { HttpException, HttpStatus } from '@nestjs/common';

/** The machine codes of field errors (docs/architecture.md, HTTP conventions). */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown',
  'oneOf',
  'minLength',
  'maxLength',
  'min',
  'max',
  'date',
  'uuid',
  'format',
  'retired',
  'scope',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldError {
  field: string;
  /** What is wrong, for clients to say in their own words (with `params`); the message says it in English. */
  code?: FieldErrorCode;
  params?: Record<string, string | number | null | readonly (string | number)[]>;
  message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['invalid-request', 'Invalid request'],
  401: ['unauthorized', 'Authentication required'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  406: ['not-acceptable', 'Not acceptable'],
  408: ['request-timeout', 'Request timeout'],
  409: ['conflict', 'Conflict'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  429: ['too-many-requests', 'Too many requests'],
  431: ['request-header-fields-too-large', 'Request header fields too large'],
  500: ['internal-error', 'Internal server error'],
  503: ['service-unavailable', 'Service unavailable'],
};

export function problemType(status: number, kind?: ProblemKind): string {
  return `urn:problem-type:${kind?.slug ?? (TITLES[status] ?? ['error'])[0]}`;
}

export function problemTitle(status: number, kind?: ProblemKind): string {
  return kind?.title ?? (TITLES[status] ?? [undefined, 'Error'])[1];
}

/** A problem type more specific than its status, for clients that must react to it. */
export interface ProblemKind {
  slug: string;
  title: string;
}

/** Signed in with a one-time password (set by an admin): only `POST /auth/password` is open. */
export const PASSWORD_CHANGE_REQUIRED: ProblemKind = {
  slug: 'password-change-required',
  title: 'Password change required',
};

/** An error that already knows its problem body: thrown by services for domain-level failures. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    detail: string,
    errors?: FieldError[],
    headers?: Record<string, string>,
    kind?: ProblemKind,
    extensions?: Record<string, string>,
  ) {
    super({ detail, errors, headers, kind, extensions }, status);
  }
}

export class InvalidInput extends ProblemException {
  constructor(errors: FieldError[], detail = 'The request has invalid fields') {
    super(HttpStatus.BAD_REQUEST, detail, errors);
  }
}

export const invalidField = (field: string, message: string) =>
  new InvalidInput([{ field, message }], `${field}: ${message}`);

/** How many errors a 400 lists; its detail still counts them all. */
export const MAX_LISTED_ERRORS = 100;

/**
 * A 400 for a body with many errors (rows of an import, items of an array): the first 100 listed,
 * and a detail that counts them and quotes the first, "3 invalid field(s); the first is [2].age: …".
 */
export function invalidFields(errors: FieldError[], counted = 'invalid field'): InvalidInput {
  const [first] = errors;
  return new InvalidInput(
    errors.slice(0, MAX_LISTED_ERRORS),
    `${errors.length} ${counted}(s); the first is ${first.field}: ${first.message}`,
  );
}

export class NotFound extends ProblemException {
  constructor(what = 'The resource', why?: string) {
    super(HttpStatus.NOT_FOUND, `${what} was not found${why ? `: ${why}` : ''}`);
  }
}

export class Conflict extends ProblemException {
  /** `extensions`: members the client acts on (ids, never personal data). */
  constructor(detail: string, extensions?: Record<string, string>) {
    super(HttpStatus.CONFLICT, detail, undefined, undefined, undefined, extensions);
  }
}

/**
 * A stale (or invented) `version`: says which version the record has now, so the client knows
 * what to reload and send.
 */
export function staleVersion(what: string, sent: number, current: number): Conflict {
  if (sent > current) {
    return new Conflict(
      `${what} is at version ${current}; version ${sent} does not exist. Send the version you last read`,
    );
  }
  return new Conflict(
    `${what} changed since you read it: it is at version ${current} now, you sent ${sent}. Reload it and try again`,
  );
}

export class Forbidden extends ProblemException {
  constructor(detail = 'Your role may not do this') {
    super(HttpStatus.FORBIDDEN, detail);
  }
}

export class PasswordChangeRequired extends ProblemException {
  constructor() {
    super(
      HttpStatus.FORBIDDEN,
      'Set a new password with POST /auth/password before anything else',
      undefined,
      undefined,
      PASSWORD_CHANGE_REQUIRED,
    );
  }
}

export class Unauthorized extends ProblemException {
  constructor(detail = 'A valid bearer token is required') {
    super(HttpStatus.UNAUTHORIZED, detail, undefined, { 'WWW-Authenticate': 'Bearer' });
  }
}
