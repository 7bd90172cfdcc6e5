import type { Senders } from '@kapas/api';
import { OutboxMailSender, OutboxSmsSender, SmtpMailSender, TwilioSmsSender } from '@kapas/integrations';
import type { ServerEnv } from './env';

/**
 * Real providers when configured, otherwise the embedded channels: the message row itself is the
 * dev outbox the admin app shows, so "sending" only marks it sent.
 */
export function sendersFrom(
  env: Pick<
    ServerEnv,
    'KAPAS_SMTP_URL' | 'KAPAS_MAIL_FROM' | 'KAPAS_TWILIO_ACCOUNT_SID' | 'KAPAS_TWILIO_AUTH_TOKEN' | 'KAPAS_TWILIO_FROM'
  >,
): Senders {
  const keep = async () => 'kept';
  const mail = env.KAPAS_SMTP_URL ? smtpSender(env.KAPAS_SMTP_URL, env.KAPAS_MAIL_FROM) : new OutboxMailSender(keep);
  const sms =
    env.KAPAS_TWILIO_ACCOUNT_SID && env.KAPAS_TWILIO_AUTH_TOKEN && env.KAPAS_TWILIO_FROM
      ? new TwilioSmsSender({
          accountSid: env.KAPAS_TWILIO_ACCOUNT_SID,
          authToken: env.KAPAS_TWILIO_AUTH_TOKEN,
          from: env.KAPAS_TWILIO_FROM,
        })
      : new OutboxSmsSender(keep);
  return { mail, sms, embedded: !env.KAPAS_SMTP_URL };
}

function smtpSender(url: string, from: string): SmtpMailSender {
  const u = new URL(url);
  return new SmtpMailSender({
    host: u.hostname,
    port: Number(u.port || (u.protocol === 'smtps:' ? 465 : 587)),
    secure: u.protocol === 'smtps:',
    ...(u.username ? { user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } : {}),
    from,
  });
}
