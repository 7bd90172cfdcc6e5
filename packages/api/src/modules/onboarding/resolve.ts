import { type DbOrTx, onboardingApplications, partners } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../context';
import { DomainError } from '../../errors';
import { hashResumeToken } from './resume-token';
import type { ApplicationRef } from './schemas';

export type Application = typeof onboardingApplications.$inferSelect;
export type PartnerRow = typeof partners.$inferSelect;
export type Resolved = { app: Application; partner: PartnerRow };

const notFound = () => new DomainError('NOT_FOUND', 'Application not found.');

/** The caller's own partner must be an active sub-broker to register partners (DOMAIN §1). */
export async function assertSubBroker(db: DbOrTx, actor: Actor): Promise<string> {
  if (actor.kind !== 'PARTNER' || !actor.partnerId || !actor.capabilities.has('partner:register')) {
    throw new DomainError('FORBIDDEN', 'Only sub-brokers can register partners.');
  }
  const [own] = await db
    .select({ businessType: partners.businessType, status: partners.status })
    .from(partners)
    .where(eq(partners.id, actor.partnerId));
  if (own?.businessType !== 'SUB_BROKER' || own.status !== 'ACTIVE') {
    throw new DomainError('FORBIDDEN', 'Only active sub-brokers can register partners.');
  }
  return actor.partnerId;
}

/**
 * Finds the application a call is about and checks the caller may touch it: the resume token for
 * the applicant; `partner:manage` for staff; for a sub-broker, only partners it registered. Any
 * other application answers NOT_FOUND, so its existence is never revealed.
 */
export async function resolveApplication(db: DbOrTx, actor: Actor | null, ref: ApplicationRef): Promise<Resolved> {
  if ('resumeToken' in ref) {
    const [row] = await db
      .select({ app: onboardingApplications, partner: partners })
      .from(onboardingApplications)
      .innerJoin(partners, eq(partners.id, onboardingApplications.partnerId))
      .where(eq(onboardingApplications.resumeTokenHash, hashResumeToken(ref.resumeToken)));
    if (!row) throw notFound();
    return row;
  }
  if (!actor) throw new DomainError('UNAUTHORIZED', 'Please sign in, or use your resume link.');
  let registeredBy: string | null = null;
  if (actor.kind === 'BACK_OFFICE') {
    if (!actor.capabilities.has('partner:manage')) {
      throw new DomainError('FORBIDDEN', 'You need the "partner:manage" permission for this.', { capability: 'partner:manage' });
    }
  } else {
    registeredBy = await assertSubBroker(db, actor);
  }
  const [row] = await db
    .select({ app: onboardingApplications, partner: partners })
    .from(onboardingApplications)
    .innerJoin(partners, eq(partners.id, onboardingApplications.partnerId))
    .where(eq(onboardingApplications.id, ref.applicationId));
  if (!row) throw notFound();
  if (registeredBy !== null && row.partner.registeredByPartnerId !== registeredBy) throw notFound();
  return row;
}

/** Only a draft can be edited or verified; anything later is a CONFLICT naming the state. */
export function assertDraft(partner: PartnerRow): void {
  if (partner.status !== 'DRAFT') {
    throw new DomainError('CONFLICT', `The application is ${partner.status}; it can no longer be changed.`, {
      state: partner.status,
    });
  }
}
