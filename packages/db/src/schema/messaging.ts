import { index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from './columns';

/** Email/SMS delivery queue and, with the embedded channels, the dev outbox the admin app shows. */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    channel: text('channel').notNull(), // EMAIL | SMS
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    template: text('template'),
    status: text('status').notNull().default('QUEUED'), // QUEUED | SENT | FAILED | BOUNCED
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: createdAt(),
    sentAt: tstz('sent_at'),
  },
  (t) => [index('messages_status_idx').on(t.status, t.nextAttemptAt), index('messages_created_idx').on(t.createdAt)],
);

export const messageTemplates = pgTable(
  'message_templates',
  {
    id: id(),
    code: text('code').notNull(),
    channel: text('channel').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    variables: jsonb('variables').$type<string[]>().notNull().default([]),
    updatedAt: updatedAt(),
  },
  (t) => [unique('message_templates_code_channel').on(t.code, t.channel)],
);
