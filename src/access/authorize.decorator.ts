import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiProblems, ApiPublic } from '../common/api-problems.decorator';
import { Action, Subject } from './ability';

export const PERMISSION_KEY = 'permission';

export type Permission = { public: true } | { public: false; action: Action; subject: Subject };

/**
 * The route needs an ability to do `action` on `subject`; the record-level check comes after.
 * Its OpenAPI operation says so: 401 without a valid token, 403 when the role may not.
 */
export const Authorize = (action: Action, subject: Subject) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, { public: false, action, subject } satisfies Permission),
    ApiProblems(401, 403),
  );

export const ONE_TIME_PASSWORD_KEY = 'allowedWithOneTimePassword';

/** The route answers a user still signed in with a one-time password (only the password change). */
export const AllowedWithOneTimePassword = () => SetMetadata(ONE_TIME_PASSWORD_KEY, true);

/** The route is open without a token (login, health): `security: []` in the OpenAPI document. */
export const Public = () =>
  applyDecorators(SetMetadata(PERMISSION_KEY, { public: true } satisfies Permission), ApiPublic());
