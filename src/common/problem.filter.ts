import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FieldError, Problem, ProblemException, ProblemKind, problemTitle, problemType } from './problem';

interface ProblemPayload {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  kind?: ProblemKind;
  extensions?: Record<string, string>;
  message?: string | string[];
}

/** Fastify's own client errors (malformed JSON, unsupported media type, body too large). */
function fastifyClientError(error: unknown): { status: number; detail: string } | undefined {
  const candidate = error as { statusCode?: number; code?: string };
  if (typeof candidate?.statusCode !== 'number' || candidate.statusCode < 400 || candidate.statusCode >= 500) {
    return undefined;
  }
  const byCode: Record<string, string> = {
    FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty but declared as JSON',
    FST_ERR_CTP_BODY_TOO_LARGE: 'The body is too large',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'This content type is not accepted here',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
  };
  const jsonSyntax = error instanceof SyntaxError;
  return {
    status: candidate.statusCode,
    detail:
      byCode[candidate.code ?? ''] ?? (jsonSyntax ? 'The body is not valid JSON' : problemTitle(candidate.statusCode)),
  };
}

const UNEXPECTED = 'An unexpected error occurred; it has been logged with the request id';

/** Turns any error into problem+json. Never a stack trace or SQL in a response. */
export function toProblem(
  error: unknown,
  request: FastifyRequest,
): { problem: Problem; headers: Record<string, string> } {
  let status = 500;
  let detail = UNEXPECTED;
  let errors: FieldError[] | undefined;
  let headers: Record<string, string> = {};
  let kind: ProblemKind | undefined;
  let extensions: Record<string, string> = {};

  if (error instanceof HttpException) {
    status = error.getStatus();
    const payload = error.getResponse() as ProblemPayload | string;
    if (typeof payload === 'string') detail = payload;
    else {
      const message = Array.isArray(payload.message) ? payload.message.join('; ') : payload.message;
      detail = payload.detail ?? message ?? problemTitle(status);
      errors = payload.errors;
      headers = payload.headers ?? {};
      kind = payload.kind;
      extensions = payload.extensions ?? {};
    }
    // The service's own problems (503 busy, database down) carry a detail written for clients.
    if (status >= 500 && !(error instanceof ProblemException)) detail = UNEXPECTED;
  } else {
    const client = fastifyClientError(error);
    if (client) ({ status, detail } = client);
  }
  const problem: Problem = {
    type: problemType(status, kind),
    title: problemTitle(status, kind),
    status,
    detail,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
    ...(errors ? { errors } : {}),
  };
  // Extensions never replace a member of RFC 9457's own.
  for (const [name, value] of Object.entries(extensions))
    if (!(name in problem)) (problem as unknown as Record<string, unknown>)[name] = value;
  return { problem, headers };
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): void {
  void reply.status(problem.status).headers(headers).type('application/problem+json').send(problem);
}

/** Logs the failure without anything a request carried: no body, no query, no driver message with values. */
export function logFailure(logger: Logger, error: unknown, request: FastifyRequest): void {
  const err = error as { name?: string; code?: string; stack?: string };
  const safeStack = (err.stack ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('at '))
    .slice(0, 8)
    .join('\n');
  logger.error(
    { requestId: request.id, errorName: err.name, errorCode: err.code, stack: safeStack },
    'unhandled error',
  );
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, headers } = toProblem(error, request);
    if (problem.status >= 500 && !(error instanceof ProblemException)) logFailure(this.logger, error, request);
    sendProblem(reply, problem, headers);
  }
}
