import { HttpStatus, Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Mailer, mailFailure } from '../common/mailer';
import { ProblemException } from '../common/problem';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

export class PasswordMailRefused extends ProblemException {
  constructor() {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      'The mail server did not take the mail with the one-time password; nothing was changed, try again later',
      undefined,
      { 'Retry-After': '60' },
    );
  }
}

/**
 * Mails a one-time password an admin had the service make to its user, so that no admin ever
 * sees it. Only when the service mails (SMTP_URL); sent before the change commits, so a password
 * the mail server refused is never in force.
 */
@Injectable()
export class PasswordMail implements OnApplicationShutdown {
  private readonly logger = new Logger('PasswordMail');
  private readonly mailer?: Mailer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { smtpUrl, smtpFrom, timeoutSeconds } = config.delivery;
    if (smtpUrl) this.mailer = new Mailer({ url: smtpUrl, from: smtpFrom, timeoutSeconds });
  }

  /** Whether a password for a user with an email is mailed to it (rather than given by the admin). */
  get mails(): boolean {
    return this.mailer !== undefined;
  }

  async send(to: string, username: string, password: string): Promise<void> {
    if (!this.mailer) throw new Error('PasswordMail.send without SMTP_URL');
    try {
      await this.mailer.send({
        to,
        subject: 'Mật khẩu dùng một lần / One-time password',
        text: [
          `Quản trị viên đã đặt mật khẩu cho tài khoản ${username}.`,
          `Mật khẩu dùng một lần: ${password}`,
          'Hãy đăng nhập và chọn ngay mật khẩu của riêng bạn.',
          '',
          `An admin set the password of the account ${username}.`,
          `One-time password: ${password}`,
          'Sign in and choose your own at once.',
        ].join('\n'),
      });
    } catch (error) {
      this.logger.warn({ reason: mailFailure(error) }, 'one-time password mail refused');
      throw new PasswordMailRefused();
    }
  }

  onApplicationShutdown(): void {
    this.mailer?.close();
  }
}
