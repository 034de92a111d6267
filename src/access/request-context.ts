import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppAbility } from './ability';
import { Principal } from '../auth/principal';

/** What the access guard leaves on the request for the handlers. */
export interface Caller {
  user: Principal;
  ability: AppAbility;
  /** The server's own id of this request. */
  requestId: string;
  /** The X-Request-Id the client sent, when it was a sane token. */
  clientRequestId: string | null;
}

export type AuthenticatedRequest = FastifyRequest & { caller?: Caller };

/** The caller (user, ability, request id) of an authorized route. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.caller) throw new Error('CurrentCaller used on a route without @Authorize');
  return request.caller;
});
