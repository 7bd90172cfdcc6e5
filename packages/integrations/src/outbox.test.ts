import { describe, expect, it } from 'vitest';
import { OutboxMailSender, OutboxSmsSender } from './outbox';

describe('outbox senders', () => {
  it('hands the email to record and returns the outbox id', async () => {
    const recorded: unknown[] = [];
    const sender = new OutboxMailSender(async (m) => {
      recorded.push(m);
      return '42';
    });
    const receipt = await sender.send({ to: 'a@b.example', subject: 'Hi', text: 'Body', html: '<p>Body</p>' });
    expect(receipt).toEqual({ providerMessageId: 'outbox:42' });
    expect(recorded).toEqual([{ channel: 'email', to: 'a@b.example', subject: 'Hi', text: 'Body', html: '<p>Body</p>' }]);
  });

  it('hands the SMS to record', async () => {
    const recorded: unknown[] = [];
    const sender = new OutboxSmsSender(async (m) => {
      recorded.push(m);
      return 'abc';
    });
    expect(await sender.send({ to: '+919800000000', text: 'Code 123456' })).toEqual({ providerMessageId: 'outbox:abc' });
    expect(recorded).toEqual([{ channel: 'sms', to: '+919800000000', text: 'Code 123456' }]);
  });

  it('propagates a failing record', async () => {
    const sender = new OutboxSmsSender(async () => {
      throw new Error('db down');
    });
    await expect(sender.send({ to: '+1', text: 'x' })).rejects.toThrow('db down');
  });
});
