import { type Database, messages } from '@kapas/db';
import { afterFailedAttempt, type MailSender, type SmsSender } from '@kapas/integrations';
import { and, asc, eq, lte, sql } from 'drizzle-orm';

export type Senders = { mail: MailSender; sms: SmsSender; embedded: boolean };

/** Bodies of these templates carry one-time secrets; once delivered by a real provider they are not kept. */
const SENSITIVE = new Set(['SIGN_IN_OTP', 'PASSWORD_RESET', 'INVITE', 'VERIFY_EMAIL_OTP', 'VERIFY_MOBILE_OTP']);

/**
 * Sends queued messages that are due, a batch at a time. Rows are claimed with SKIP LOCKED so two
 * server instances never send the same message. Failures are retried on the integrations schedule.
 */
export async function deliverDueMessages(db: Database, senders: Senders, now: Date, batch = 20): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.status, 'QUEUED'), lte(messages.nextAttemptAt, now.toISOString())))
      .orderBy(asc(messages.createdAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    for (const message of due) {
      const attempt = message.attempts + 1;
      try {
        const receipt =
          message.channel === 'SMS'
            ? await senders.sms.send({ to: message.recipient, text: message.body })
            : await senders.mail.send({ to: message.recipient, subject: message.subject ?? '', text: message.body });
        const redact = !senders.embedded && message.template !== null && SENSITIVE.has(message.template);
        await tx
          .update(messages)
          .set({
            status: 'SENT',
            attempts: attempt,
            sentAt: now.toISOString(),
            providerMessageId: receipt.providerMessageId,
            lastError: null,
            ...(redact ? { body: sql`'[removed after delivery]'` } : {}),
          })
          .where(eq(messages.id, message.id));
      } catch (error) {
        const step = afterFailedAttempt(attempt, error, now);
        await tx
          .update(messages)
          .set({
            attempts: attempt,
            lastError: error instanceof Error ? error.message.slice(0, 300) : 'delivery failed',
            ...(step.status === 'queued' ? { nextAttemptAt: step.nextAttemptAt.toISOString() } : { status: 'FAILED' }),
          })
          .where(eq(messages.id, message.id));
      }
    }
    return due.length;
  });
}
