import { InvalidInput } from '../common/problem';
import { adminSetPassword } from './admin-set-password';

const MAILS = true;
const NO_MAIL = false;
const fieldOf = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    return ((error as InvalidInput).getResponse() as { errors: { field: string }[] }).errors[0].field;
  }
  return 'no error';
};

describe('the password an admin sets', () => {
  it('is made by the service and mailed when the user has an email and the service mails', () => {
    const set = adminSetPassword({}, 'a@example.vn', MAILS, true)!;
    expect(set.mailTo).toBe('a@example.vn');
    expect(set.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(adminSetPassword({}, 'a@example.vn', MAILS, true)!.password).not.toBe(set.password);
    expect(adminSetPassword({ resetPassword: true }, 'a@example.vn', MAILS, false)!.mailTo).toBe('a@example.vn');
  });

  it('is never one the admin typed for such a user: 400 on password', () => {
    expect(fieldOf(() => adminSetPassword({ password: 'typed-by-admin' }, 'a@example.vn', MAILS, true))).toBe(
      'password',
    );
    expect(fieldOf(() => adminSetPassword({ password: 'typed-by-admin' }, 'a@example.vn', MAILS, false))).toBe(
      'password',
    );
  });

  it('is the admin’s, as before, without an email or without mail; and needed at creation', () => {
    expect(adminSetPassword({ password: 'typed-by-admin' }, null, MAILS, true)).toEqual({
      password: 'typed-by-admin',
      mailTo: null,
    });
    expect(adminSetPassword({ password: 'typed-by-admin' }, 'a@example.vn', NO_MAIL, false)!.mailTo).toBeNull();
    expect(fieldOf(() => adminSetPassword({}, null, MAILS, true))).toBe('password');
    expect(fieldOf(() => adminSetPassword({}, 'a@example.vn', NO_MAIL, true))).toBe('password');
    expect(fieldOf(() => adminSetPassword({ resetPassword: true }, null, MAILS, false))).toBe('resetPassword');
    expect(fieldOf(() => adminSetPassword({ resetPassword: true }, 'a@example.vn', NO_MAIL, false))).toBe(
      'resetPassword',
    );
  });

  it('is not set by a change that asks for none', () => {
    expect(adminSetPassword({}, 'a@example.vn', MAILS, false)).toBeUndefined();
    expect(adminSetPassword({ resetPassword: false }, null, MAILS, false)).toBeUndefined();
  });
});
