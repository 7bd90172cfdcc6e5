import { type DbOrTx, partners, users } from '@kapas/db';
import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { offsetOf, type Page } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { PARTNER_SIGN_IN_STATES } from '../auth/partner-gate';
import { endSessions } from '../auth/session-store';
import { notifyPartner } from '../notifications/notify';
import { type PartnerEvent, type PartnerState, transition } from './rules/onboarding';
import type { listPartnersInput, setStatusInput } from './schemas';
import { type PartnerView, partnerView } from './view';

export const PARTNERS_TOPIC = 'partners';

type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };

export type PartnerListItem = Pick<
  typeof partners.$inferSelect,
  'id' | 'number' | 'legalName' | 'tradeName' | 'businessType' | 'pan' | 'gstin' | 'email' | 'status' | 'kycDueAt' | 'createdAt'
>;

const SORTS = {
  legalName: partners.legalName,
  number: partners.number,
  createdAt: partners.createdAt,
  status: partners.status,
} as const;

export async function listPartners(db: DbOrTx, input: z.infer<typeof listPartnersInput>): Promise<Page<PartnerListItem>> {
  const conditions: SQL[] = [];
  if (input.status) conditions.push(eq(partners.status, input.status));
  if (input.businessType) conditions.push(eq(partners.businessType, input.businessType));
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      ilike(partners.legalName, like),
      ilike(partners.tradeName, like),
      ilike(partners.number, like),
      ilike(partners.pan, like),
      ilike(partners.gstin, like),
      ilike(partners.email, like),
    );
    if (match) conditions.push(match);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const order = input.dir === 'asc' ? asc(SORTS[input.sort]) : desc(SORTS[input.sort]);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: partners.id,
        number: partners.number,
        legalName: partners.legalName,
        tradeName: partners.tradeName,
        businessType: partners.businessType,
        pan: partners.pan,
        gstin: partners.gstin,
        email: partners.email,
        status: partners.status,
        kycDueAt: partners.kycDueAt,
        createdAt: partners.createdAt,
      })
      .from(partners)
      .where(where)
      .orderBy(order, asc(partners.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: count() }).from(partners).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export function getPartner(db: DbOrTx, actor: Actor, id: string): Promise<PartnerView> {
  return partnerView(db, id, { maskBank: !actor.capabilities.has('partner:manage'), branchIds: null });
}

const ACTION_EVENT: Record<z.infer<typeof setStatusInput>['action'], PartnerEvent> = {
  SUSPEND: 'SUSPEND',
  REINSTATE: 'REINSTATE',
  BLACKLIST: 'BLACKLIST',
  DEACTIVATE: 'DEACTIVATE',
};

/**
 * ACTIVE ⇄ SUSPENDED, → BLACKLISTED, → INACTIVE through the lifecycle machine. Leaving the
 * signed-in states ends every session of the partner's users in the same transaction, so their
 * sockets close as soon as it commits.
 */
export async function setPartnerStatus(o: Origin, input: z.infer<typeof setStatusInput>) {
  const [before] = await o.deps.db.select().from(partners).where(eq(partners.id, input.id));
  if (!before) throw new DomainError('NOT_FOUND', 'Partner not found.');
  const step = transition(before.status as PartnerState, ACTION_EVENT[input.action]);
  if (!step.ok) throw new DomainError('CONFLICT', step.error.message, { state: step.error.state });
  const now = o.deps.clock();
  return transact(o.deps, async (tx) => {
    const [row] = await tx
      .update(partners)
      .set({ status: step.state, statusReason: input.reason, version: before.version + 1, updatedAt: now.toISOString() })
      .where(and(eq(partners.id, before.id), eq(partners.status, before.status)))
      .returning({ id: partners.id, status: partners.status, statusReason: partners.statusReason });
    if (!row) throw new DomainError('CONFLICT', 'The partner changed meanwhile. Reload it and try again.');
    if (!PARTNER_SIGN_IN_STATES.has(step.state)) {
      const members = await tx.select({ id: users.id }).from(users).where(eq(users.partnerId, before.id));
      for (const m of members) await endSessions(tx, now, { userId: m.id }, 'DEACTIVATED');
    }
    await appendAudit(
      tx,
      { actor: o.actor, meta: o.meta, now },
      {
        action: `partner.${input.action.toLowerCase()}`,
        entityType: 'partner',
        entityId: before.id,
        oldValues: { status: before.status, statusReason: before.statusReason },
        newValues: { status: step.state, statusReason: input.reason },
        partnerId: before.id,
      },
    );
    if (step.state === 'ACTIVE') {
      await notifyPartner(tx, before.id, {
        kind: 'partner.status',
        title: 'Your account is active again',
        body: input.reason,
        link: '/company',
      });
    }
    await appendEvent(tx, {
      audience: 'BACK_OFFICE',
      topic: PARTNERS_TOPIC,
      type: 'partner.status',
      payload: { id: before.id, status: step.state },
    });
    return row;
  });
}
