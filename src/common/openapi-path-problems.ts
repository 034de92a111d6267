import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_MEDIA_TYPE } from './api-problems.decorator';
import { problemTitle } from './problem';

const PROBLEM_REF = '#/components/schemas/ProblemDto';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Every operation whose path takes a parameter can answer 400 before its route runs: the router
 * refuses a malformed %-escape or a segment longer than 100 characters (`answerFrameworkError`).
 * Declared here, once, so no controller can forget it.
 */
export function declarePathProblems(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const takesPath = (operation.parameters ?? []).some((p) => 'in' in p && p.in === 'path');
      if (!takesPath || operation.responses['400']) continue;
      operation.responses['400'] = {
        description: `${problemTitle(400)}: the path is malformed (a bad %-escape, or a segment longer than 100 characters)`,
        content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } },
      };
    }
  }
}
