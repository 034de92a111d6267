import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, DECORATORS, getSchemaPath } from '@nestjs/swagger';
import { problemTitle } from './problem';
import { ProblemDto } from './problem.dto';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Why each status comes back (docs/architecture.md, HTTP conventions). */
const WHEN: Record<number, string> = {
  400: 'invalid input: the body or the query names the fields in `errors`',
  401: 'no token, or a bad or expired one',
  403: 'the role may not do this, or the password must be changed first (urn:problem-type:password-change-required)',
  404: 'not found, or outside the caller’s scope',
  409: 'a state conflict: a stale version, a step out of order, a duplicate',
  413: 'the body is too large',
  415: 'the body’s media type is not accepted here',
  429: 'too many attempts: wait and try again',
  503: 'the service is busy or its database does not answer',
};

/** The error statuses a route can give, each a problem+json body. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: `${problemTitle(status)}${WHEN[status] ? `: ${WHEN[status]}` : ''}`,
        content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}

/**
 * A route open without a token: `security: []` on its operation. Merged into the operation's
 * metadata (not `@ApiOperation`, whose default summary would replace the route's own).
 */
export function ApiPublic(): MethodDecorator {
  return (_target, _key, descriptor) => {
    const operation = (Reflect.getMetadata(DECORATORS.API_OPERATION, descriptor.value as object) ?? {}) as object;
    Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, descriptor.value as object);
    return descriptor;
  };
}
