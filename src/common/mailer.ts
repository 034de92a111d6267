import { createTransport, Transporter } from 'nodemailer';

export interface MailerOptions {
  /** smtp:// or smtps:// URL of the mail server (SMTP_URL). */
  url: string;
  /** The sender of every mail (SMTP_FROM). */
  from: string;
  /** How long connecting, greeting and each socket wait may take. */
  timeoutSeconds: number;
}

export interface PlainMail {
  to: string;
  subject: string;
  text: string;
  messageId?: string;
  headers?: Record<string, string>;
}

/** One pooled nodemailer transport to SMTP_URL: what notifications and password mails are sent through. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly options: MailerOptions) {
    const timeout = options.timeoutSeconds * 1000;
    this.transport = createTransport({
      url: options.url,
      pool: true,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(mail: PlainMail): Promise<void> {
    await this.transport.sendMail({ from: this.options.from, ...mail });
  }

  close(): void {
    this.transport.close();
  }
}

/** Why a mail attempt failed, as a short code: never the message or an address. */
export function mailFailure(error: unknown): string {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  if (responseCode) return `smtp ${responseCode}`;
  return `smtp ${code ?? (error as Error).name ?? 'error'}`;
}
