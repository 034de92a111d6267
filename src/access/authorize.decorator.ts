import { SetMetadata } from '@nestjs/common';
import { Action, Subject } from './ability';

export const PERMISSION_KEY = 'permission';

export type Permission = { public: true } | { public: false; action: Action; subject: Subject };

/** The route needs an ability to do `action` on `subject`; the record-level check comes after. */
export const Authorize = (action: Action, subject: Subject) =>
  SetMetadata(PERMISSION_KEY, { public: false, action, subject } satisfies Permission);

export const ONE_TIME_PASSWORD_KEY = 'allowedWithOneTimePassword';

/** The route answers a user still signed in with a one-time password (only the password change). */
export const AllowedWithOneTimePassword = () => SetMetadata(ONE_TIME_PASSWORD_KEY, true);

/** The route is open without a token (login, health). */
export const Public = () => SetMetadata(PERMISSION_KEY, { public: true } satisfies Permission);
