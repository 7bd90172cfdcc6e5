import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { DeliveryError, type DeliveryReceipt, type MailMessage, type MailSender } from './delivery';

/**
 * Email over SMTP with nodemailer. Works with any relay, including SendGrid's
 * (`sendGridSmtpConfig`). TLS is required by default (STARTTLS on 587, or implicit TLS on 465).
 */
export type SmtpConfig = {
  host: string;
  port: number;
  /** Implicit TLS (port 465). With false, STARTTLS is used and, unless `requireTls` is false, required. */
  secure: boolean;
  requireTls?: boolean;
  user?: string;
  password?: string;
  /** Sender, e.g. `Kapas <no-reply@kapas.example>`. */
  from: string;
  timeoutMs?: number;
};

/** SendGrid's SMTP relay: user `apikey`, the API key as password, STARTTLS on 587. */
export function sendGridSmtpConfig(apiKey: string, from: string): SmtpConfig {
  return { host: 'smtp.sendgrid.net', port: 587, secure: false, requireTls: true, user: 'apikey', password: apiKey, from };
}

/** The nodemailer message for a `MailMessage` (pure; no transport). */
export function buildMailOptions(from: string, message: MailMessage): SendMailOptions {
  const options: SendMailOptions = { from, to: message.to, subject: message.subject, text: message.text };
  if (message.html !== undefined) options.html = message.html;
  return options;
}

type SmtpFailure = { code?: unknown; responseCode?: unknown; message?: unknown };

/**
 * Permanent: a 5xx reply (bad recipient, rejected content) and authentication failures (retrying a
 * wrong password only gets the sender blocked). Everything else (4xx, connection, timeout) is retried.
 */
export function smtpDeliveryError(error: unknown): DeliveryError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const code = typeof e.code === 'string' ? e.code : null;
  const permanent = code === 'EAUTH' || (responseCode !== null && responseCode >= 500);
  return new DeliveryError(`SMTP delivery failed${responseCode ? ` (${responseCode})` : code ? ` (${code})` : ''}`, {
    retryable: !permanent,
    providerCode: responseCode ? `smtp_${responseCode}` : (code ?? 'smtp'),
    cause: error,
  });
}

export class SmtpMailSender implements MailSender {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(config: SmtpConfig | { transport: Transporter; from: string }) {
    this.from = config.from;
    if ('transport' in config) {
      this.transport = config.transport;
      return;
    }
    const timeout = config.timeoutMs ?? 30_000;
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: !config.secure && (config.requireTls ?? true),
      auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(message: MailMessage): Promise<DeliveryReceipt> {
    try {
      const info = await this.transport.sendMail(buildMailOptions(this.from, message));
      return { providerMessageId: String(info.messageId) };
    } catch (error) {
      throw smtpDeliveryError(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}
