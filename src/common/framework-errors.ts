import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, problemTitle, problemType } from './problem';

/** What Fastify's router refuses before any route runs, in the words a client can act on. */
const DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL: 'The path is not a valid URL: it holds a malformed %-escape',
  FST_ERR_MAX_PARAM_LENGTH: 'A path segment is longer than 100 characters: it cannot name a record',
};

/**
 * Fastify's `frameworkErrors`: a path the router cannot read (a malformed %-escape, an id far too
 * long) is a 400 as problem+json like every other error, never Fastify's own JSON or a 414. Every
 * operation that takes a path parameter declares this 400 (see `declarePathProblems`).
 */
export function answerFrameworkError(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply) {
  const problem: Problem = {
    type: problemType(400),
    title: problemTitle(400),
    status: 400,
    detail: DETAILS[error.code ?? ''] ?? 'The request cannot be routed',
    requestId: String(request.id),
  };
  void reply.code(400).header('X-Request-Id', request.id).type('application/problem+json').send(problem);
}
