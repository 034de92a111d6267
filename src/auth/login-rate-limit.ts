import { HttpStatus } from '@nestjs/common';
import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import { ProblemException } from '../common/problem';
import { AppConfig } from '../config/config';

/**
 * Route config that puts a route under the login throttle (`@RouteConfig(LOGIN_THROTTLED)`); the
 * numbers come from the plugin options below, so they follow LOGIN_RATE_LIMIT.
 */
export const LOGIN_THROTTLED = { rateLimit: {} };

/**
 * @fastify/rate-limit per client address (`request.ip`, which honours TRUST_PROXY), applied only
 * to the routes marked LOGIN_THROTTLED. It bounds password spraying across usernames, which the
 * per-username lockout cannot see. Counts are per instance (in memory).
 */
export function loginRateLimitOptions(config: AppConfig): RateLimitPluginOptions {
  return {
    global: false,
    max: config.loginRateLimit,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        `Too many logins from this address; try again in ${context.after}`,
        undefined,
        {
          'Retry-After': String(Math.max(1, Math.ceil(context.ttl / 1000))),
        },
      ),
  };
}
