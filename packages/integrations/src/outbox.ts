import type { DeliveryReceipt, MailMessage, MailSender, SmsMessage, SmsSender } from './delivery';

/**
 * Embedded default channels: instead of reaching a provider, each message is handed to `record`,
 * which the API package implements by inserting into the database outbox shown in the admin app's
 * "Dev outbox" page. `record` returns the outbox row id, used as the provider message id.
 */
export type OutboxRecord<M> = (message: M) => Promise<string>;

export class OutboxMailSender implements MailSender {
  constructor(private readonly record: OutboxRecord<MailMessage & { channel: 'email' }>) {}

  async send(message: MailMessage): Promise<DeliveryReceipt> {
    const id = await this.record({ ...message, channel: 'email' });
    return { providerMessageId: `outbox:${id}` };
  }
}

export class OutboxSmsSender implements SmsSender {
  constructor(private readonly record: OutboxRecord<SmsMessage & { channel: 'sms' }>) {}

  async send(message: SmsMessage): Promise<DeliveryReceipt> {
    const id = await this.record({ ...message, channel: 'sms' });
    return { providerMessageId: `outbox:${id}` };
  }
}
