import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * Transactional outbox for realtime: written in the business transaction, pushed after commit.
 * `audience` says who may receive the row: ALL_SIGNED_IN, BACK_OFFICE, PARTNER (audienceId = partner), USER (audienceId = user),
 * PARTIES (any partner in `parties`, plus back-office staff who may read trades).
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    topic: text('topic').notNull(),
    type: text('type').notNull(),
    audience: text('audience').notNull(),
    audienceId: uuid('audience_id'),
    /** PARTIES audience: the partners that are party to the record (e.g. buyer and seller of an offer). */
    parties: uuid('parties').array(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('events_topic_id_idx').on(t.topic, t.id)],
);
