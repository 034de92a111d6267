import { generateOneTimePassword } from '../auth/password';
import { invalidField } from '../common/problem';

/** The one-time password an admin has set, and the email it is mailed to (null: the admin gave it). */
export interface AdminSetPassword {
  password: string;
  mailTo: string | null;
}

export interface PasswordRequest {
  /** The password the admin typed. */
  password?: string;
  /** PATCH: "make one and mail it". */
  resetPassword?: boolean;
}

/**
 * Which one-time password an admin's request sets (README "Roles": a password an admin sets is
 * sent to the user's email when there is one, and not shown to the admin). For a user with an
 * email, when the service mails (`mails`: SMTP_URL), the service makes it and mails it, and a
 * password the admin typed is refused: the admin would know it. Otherwise the admin gives it, as
 * before. `creating`: a new user needs one; a change sets one only when asked. 400 on the field
 * the admin got wrong.
 */
export function adminSetPassword(
  request: PasswordRequest,
  email: string | null | undefined,
  mails: boolean,
  creating: boolean,
): AdminSetPassword | undefined {
  const mailTo = mails && email ? email : null;
  if (request.password !== undefined && mailTo)
    throw invalidField(
      'password',
      creating
        ? 'is not taken for a user with an email: the service makes a one-time password and mails it there, so no admin knows it; leave password out'
        : 'is not taken for a user with an email: send resetPassword: true, and the service mails it a one-time password no admin knows',
    );
  if (request.resetPassword && !mailTo)
    throw invalidField(
      'resetPassword',
      email
        ? 'needs the service to send mail (SMTP_URL is not set); send password instead'
        : 'needs the user to have an email to mail the password to; send password instead',
    );
  if (mailTo && (creating || request.resetPassword)) return { password: generateOneTimePassword(), mailTo };
  if (request.password !== undefined) return { password: request.password, mailTo: null };
  if (creating)
    throw invalidField(
      'password',
      email
        ? 'is required: the service sends no mail (SMTP_URL is not set), so the admin gives the one-time password'
        : 'is required for a user without an email (for a user with one, the service mails it)',
    );
  return undefined;
}
