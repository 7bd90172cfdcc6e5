import { branches, certifications, type DbOrTx, masterItems } from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { dateErrors } from './rules/expiry';
import { type CertificationEvent, certificationTransition, isCertificationState } from './rules/state';
import type { certificationFields, listCertificationsInput, setVisibleInput, updateCertificationInput } from './schemas';
import { type CertificationRow, certificationView, pageOf, readableCertification, tenantFilter } from './view';

export const CERTIFICATIONS_TOPIC = 'certifications';
export type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };
type Fields = z.infer<typeof certificationFields>;

const expiringDaysOf = (deps: Deps) => deps.settings.number('certification.expiringDays', 90);

function ownPartner(actor: Actor): string {
  if (actor.kind !== 'PARTNER' || !actor.partnerId) throw new DomainError('FORBIDDEN', 'Only partner users can do this.');
  return actor.partnerId;
}

/** Field errors for the type (an active certificate-type master), the branch (own, in scope) and the dates. */
async function validate(db: DbOrTx, actor: Actor, partnerId: string, f: Fields): Promise<void> {
  const errors = dateErrors(f.issuedOn, f.expiresOn);
  const [type] = await db
    .select({ id: masterItems.id })
    .from(masterItems)
    .where(and(eq(masterItems.kind, 'CERTIFICATE_TYPE'), eq(masterItems.code, f.certificateType), eq(masterItems.active, true)));
  if (!type) errors.certificateType = ['Choose a certificate type from the list'];
  if (f.branchId) {
    const [branch] = await db
      .select({ id: branches.id })
      .from(branches)
      .where(and(eq(branches.id, f.branchId), eq(branches.partnerId, partnerId)));
    const inScope = actor.isPrimary || !actor.branchIds || actor.branchIds.length === 0 || actor.branchIds.includes(f.branchId);
    if (!branch || !inScope) errors.branchId = ['Choose one of your branches'];
  } else if (!actor.isPrimary && actor.branchIds && actor.branchIds.length > 0) {
    errors.branchId = ['Choose one of your branches'];
  }
  if (Object.keys(errors).length) throw new DomainError('BAD_REQUEST', 'Some fields are invalid', { fieldErrors: errors });
}

const stored = (f: Fields) => ({
  certificateType: f.certificateType,
  body: f.body,
  number: f.number,
  productScope: f.productScope || null,
  branchId: f.branchId ?? null,
  issuedOn: f.issuedOn,
  expiresOn: f.expiresOn,
  visibleInTrade: f.visibleInTrade,
});

/** Writes a certification change with its audit row and the partner's event, in one transaction. */
export async function writeCertification(
  o: Pick<Origin, 'deps' | 'meta'> & { actor: Actor | null },
  action: string,
  before: CertificationRow | null,
  work: (tx: DbOrTx) => Promise<CertificationRow | undefined>,
  after?: (tx: DbOrTx, row: CertificationRow) => Promise<void>,
): Promise<CertificationRow> {
  const now = o.deps.clock();
  return transact(o.deps, async (tx) => {
    const row = await work(tx);
    if (!row) throw new DomainError('STALE_VERSION', 'Someone else changed this certification. Reload it and try again.');
    await appendAudit(
      tx,
      { actor: o.actor, meta: o.meta, now },
      { action, entityType: 'certification', entityId: row.id, oldValues: before, newValues: row, partnerId: row.partnerId },
    );
    await after?.(tx, row);
    await appendEvent(tx, {
      audience: 'PARTNER',
      audienceId: row.partnerId,
      topic: CERTIFICATIONS_TOPIC,
      type: action,
      payload: { id: row.id, status: row.status },
    });
    return row;
  });
}

/** The next state for `event`, or a CONFLICT naming the current one. */
export function nextState(row: CertificationRow, event: CertificationEvent): string {
  if (!isCertificationState(row.status))
    throw new DomainError('CONFLICT', `The certification is ${row.status}.`, { state: row.status });
  const t = certificationTransition(row.status, event);
  if (!t.ok) throw new DomainError('CONFLICT', t.error.message, { state: t.error.state });
  return t.state;
}

export async function createCertification(o: Origin, input: Fields) {
  const partnerId = ownPartner(o.actor);
  await validate(o.deps.db, o.actor, partnerId, input);
  const expiringDays = await expiringDaysOf(o.deps);
  const row = await writeCertification(o, 'certification.create', null, async (tx) => {
    const [created] = await tx
      .insert(certifications)
      .values({ ...stored(input), partnerId, status: 'PENDING_VERIFICATION' })
      .returning();
    return created;
  });
  return certificationView(row, o.deps.clock(), expiringDays);
}

export async function updateCertification(o: Origin, input: z.infer<typeof updateCertificationInput>) {
  const partnerId = ownPartner(o.actor);
  const before = await readableCertification(o.deps.db, o.actor, input.id);
  const status = nextState(before, 'EDIT');
  await validate(o.deps.db, o.actor, partnerId, input);
  const expiringDays = await expiringDaysOf(o.deps);
  const row = await writeCertification(o, 'certification.update', before, async (tx) => {
    const [updated] = await tx
      .update(certifications)
      .set({ ...stored(input), status, statusNote: null, version: input.version + 1, updatedAt: o.deps.clock().toISOString() })
      .where(
        and(eq(certifications.id, input.id), eq(certifications.version, input.version), eq(certifications.status, before.status)),
      )
      .returning();
    return updated;
  });
  return certificationView(row, o.deps.clock(), expiringDays);
}

/** Shown to buyers in matching or not: the partner may switch it in any state. */
export async function setVisibleInTrade(o: Origin, input: z.infer<typeof setVisibleInput>) {
  ownPartner(o.actor);
  const before = await readableCertification(o.deps.db, o.actor, input.id);
  const expiringDays = await expiringDaysOf(o.deps);
  const row = await writeCertification(o, 'certification.visibility', before, async (tx) => {
    const [updated] = await tx
      .update(certifications)
      .set({ visibleInTrade: input.visibleInTrade, version: before.version + 1, updatedAt: o.deps.clock().toISOString() })
      .where(and(eq(certifications.id, input.id), eq(certifications.version, before.version)))
      .returning();
    return updated;
  });
  return certificationView(row, o.deps.clock(), expiringDays);
}

export async function getCertification(deps: Deps, actor: Actor, id: string) {
  const row = await readableCertification(deps.db, actor, id);
  return certificationView(row, deps.clock(), await expiringDaysOf(deps));
}

/** Partners: their own; staff (partner:read): everyone's, optionally one partner's. */
export async function listCertifications(deps: Deps, actor: Actor, input: z.infer<typeof listCertificationsInput>) {
  if (actor.kind === 'BACK_OFFICE' && !actor.capabilities.has('partner:read')) {
    throw new DomainError('FORBIDDEN', 'You need the "partner:read" permission for this.');
  }
  const where = and(
    tenantFilter(actor),
    input.status ? eq(certifications.status, input.status) : undefined,
    actor.kind === 'BACK_OFFICE' && input.partnerId ? eq(certifications.partnerId, input.partnerId) : undefined,
  );
  return pageOf(deps.db, where, input, deps.clock(), await expiringDaysOf(deps));
}
