import { type DbOrTx, messages } from '@kapas/db';
import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { Deps } from '../../context';
import { DomainError } from '../../errors';
import { offsetOf, type Page } from '../../shared/pagination';
import type { ListOutboxInput } from './schemas';

/**
 * Setting written by the server at start: true when mail and SMS use the embedded channels
 * (the message rows are the only copy), false when a real provider delivers them.
 */
export const EMBEDDED_DELIVERY_SETTING = 'delivery.embedded';

export function isEmbeddedDelivery(deps: Pick<Deps, 'settings'>): Promise<boolean> {
  return deps.settings.boolean(EMBEDDED_DELIVERY_SETTING, true);
}

export type OutboxMessage = {
  id: string;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  template: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

const columns = {
  id: messages.id,
  channel: messages.channel,
  recipient: messages.recipient,
  subject: messages.subject,
  body: messages.body,
  template: messages.template,
  status: messages.status,
  attempts: messages.attempts,
  lastError: messages.lastError,
  createdAt: messages.createdAt,
  sentAt: messages.sentAt,
};

const iso = (at: string) => new Date(at).toISOString();

async function listMessages(db: DbOrTx, input: ListOutboxInput): Promise<Page<OutboxMessage>> {
  const filters: (SQL | undefined)[] = [];
  if (input.channel) filters.push(eq(messages.channel, input.channel));
  if (input.recipient) filters.push(ilike(messages.recipient, `%${input.recipient.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(messages)
      .where(where)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: count() }).from(messages).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt), sentAt: r.sentAt === null ? null : iso(r.sentAt) })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** The dev outbox: only while the embedded channels deliver, otherwise it does not exist (NOT_FOUND). */
export async function listOutbox(deps: Deps, input: ListOutboxInput): Promise<Page<OutboxMessage>> {
  if (!(await isEmbeddedDelivery(deps))) {
    throw new DomainError('NOT_FOUND', 'The dev outbox is only available when the embedded mail and SMS channels are in use.');
  }
  return listMessages(deps.db, input);
}
