import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationService } from '../auth/authentication.service';
import { Forbidden, PasswordChangeRequired } from '../common/problem';
import { requestIds } from '../common/request-id';
import { defineAbilityFor } from './ability';
import { ONE_TIME_PASSWORD_KEY, Permission, PERMISSION_KEY } from './authorize.decorator';
import { AuthenticatedRequest } from './request-context';

/**
 * The one global guard: authenticates the bearer token, builds the caller's CASL ability and
 * checks the route's declared permission. A route that declares nothing is closed to everyone;
 * a user signed in with a one-time password reaches only the routes marked for it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (permission?.public) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { principal: user, mustChangePassword } = await this.authentication.authenticate(
      request.headers.authorization,
    );
    if (!permission) throw new Forbidden('This route declares no permission');
    if (mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ONE_TIME_PASSWORD_KEY, targets)) {
      throw new PasswordChangeRequired();
    }
    const ability = defineAbilityFor(user);
    if (!ability.can(permission.action, permission.subject)) throw new Forbidden();
    request.caller = { user, ability, ...requestIds(request) };
    return true;
  }
}
