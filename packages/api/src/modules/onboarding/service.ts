import { type DbOrTx, onboardingApplications, partners } from '@kapas/db';
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { offsetOf, type Page } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { enforce } from '../auth/limits';
import { type DraftView, loadDraft } from './aggregate';
import { assertContactFree } from './duplicates';
import { assertSubBroker, resolveApplication } from './resolve';
import { newResumeToken } from './resume-token';
import { canonicalMobile } from './rules';
import type { ApplicationRef, StartInput } from './schemas';

export type Caller = { deps: Deps; meta: RequestMeta; actor: Actor | null };
type Channel = 'SELF' | 'BACK_OFFICE' | 'SUB_BROKER';

/** Creates the DRAFT partner and its application row; the applicant's contact data is checked for duplicates first. */
async function createApplication(
  c: Caller,
  input: StartInput,
  channel: Channel,
  extra: { resumeTokenHash: string | null; registeredByPartnerId: string | null },
): Promise<{ applicationId: string; partnerId: string }> {
  const mobile = canonicalMobile(input.mobile);
  await assertContactFree(c.deps.db, { email: input.email, mobile }, null);
  const now = c.deps.clock();
  try {
    return await transact(c.deps, async (tx) => {
      const [partner] = await tx
        .insert(partners)
        .values({
          legalName: input.legalName,
          businessType: input.businessType,
          registrationType: input.registrationType,
          email: input.email,
          mobile,
          status: 'DRAFT',
          channel,
          registeredByPartnerId: extra.registeredByPartnerId,
          createdByUserId: c.actor?.userId ?? null,
          createdAt: now.toISOString(),
        })
        .returning({ id: partners.id });
      const [app] = await tx
        .insert(onboardingApplications)
        .values({
          partnerId: partner!.id,
          resumeTokenHash: extra.resumeTokenHash,
          applicantName: input.applicantName,
          applicantEmail: input.email,
          applicantMobile: mobile,
          step: 'company',
          createdByUserId: c.actor?.userId ?? null,
          createdAt: now.toISOString(),
        })
        .returning({ id: onboardingApplications.id });
      await appendAudit(
        tx,
        { actor: c.actor, meta: c.meta, now },
        {
          action: 'partner.draft_create',
          entityType: 'partner',
          entityId: partner!.id,
          partnerId: partner!.id,
          newValues: { legalName: input.legalName, businessType: input.businessType, channel, applicant: input.applicantName },
        },
      );
      return { applicationId: app!.id, partnerId: partner!.id };
    });
  } catch (error) {
    // Two starts with the same email at once: the unique index decides, the loser gets the same answer.
    await assertContactFree(c.deps.db, { email: input.email, mobile }, null);
    throw error;
  }
}

/** Self-service "Become a partner": rate-limited per IP; returns the resume token once (only its hash is kept). */
export async function start(c: Caller, input: StartInput): Promise<{ applicationId: string; resumeToken: string }> {
  const perHour = await c.deps.settings.number('rateLimit.registrationPerHour', 5);
  await enforce(c.deps, [{ key: `register:ip:${c.meta.ip ?? 'unknown'}`, limit: { points: perHour, windowMs: 3_600_000 } }]);
  const { token, hash } = newResumeToken();
  const created = await createApplication(c, input, 'SELF', { resumeTokenHash: hash, registeredByPartnerId: null });
  return { applicationId: created.applicationId, resumeToken: token };
}

/** Back office starts an application on a partner's behalf (channel BACK_OFFICE). */
export function createDraft(
  c: Caller & { actor: Actor },
  input: StartInput,
): Promise<{ applicationId: string; partnerId: string }> {
  return createApplication(c, input, 'BACK_OFFICE', { resumeTokenHash: null, registeredByPartnerId: null });
}

/** A sub-broker registers a partner it introduces (channel SUB_BROKER); it alone (and staff) may see it. */
export async function registerPartner(
  c: Caller & { actor: Actor },
  input: StartInput,
): Promise<{ applicationId: string; partnerId: string }> {
  const registeredBy = await assertSubBroker(c.deps.db, c.actor);
  return createApplication(c, input, 'SUB_BROKER', { resumeTokenHash: null, registeredByPartnerId: registeredBy });
}

export async function getDraft(c: Caller, ref: ApplicationRef): Promise<DraftView> {
  return loadDraft(c.deps.db, await resolveApplication(c.deps.db, c.actor, ref));
}

/** What the applicant sees after submitting: state, dates and, when rejected, the reason. */
export async function status(c: Caller, ref: ApplicationRef) {
  const { partner } = await resolveApplication(c.deps.db, c.actor, ref);
  return {
    status: partner.status,
    number: partner.number,
    legalName: partner.legalName,
    submittedAt: partner.submittedAt,
    approvedAt: partner.approvedAt,
    rejectionReason: partner.status === 'REJECTED' ? partner.statusReason : null,
  };
}

export type DraftRow = {
  applicationId: string;
  partnerId: string;
  number: string | null;
  legalName: string;
  businessType: string;
  status: string;
  channel: string;
  applicantName: string;
  applicantEmail: string;
  step: string;
  createdAt: string;
  submittedAt: string | null;
};

async function listApplications(
  db: DbOrTx,
  filter: SQL | undefined,
  input: { page: number; pageSize: number; status?: string | undefined; search?: string | undefined },
): Promise<Page<DraftRow>> {
  const pattern = input.search ? `%${input.search.replace(/[%_\\]/g, (m) => `\\${m}`)}%` : null;
  const where = and(
    filter,
    input.status ? eq(partners.status, input.status) : undefined,
    pattern
      ? or(
          ilike(partners.legalName, pattern),
          ilike(onboardingApplications.applicantEmail, pattern),
          ilike(partners.number, pattern),
        )
      : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        applicationId: onboardingApplications.id,
        partnerId: partners.id,
        number: partners.number,
        legalName: partners.legalName,
        businessType: partners.businessType,
        status: partners.status,
        channel: partners.channel,
        applicantName: onboardingApplications.applicantName,
        applicantEmail: onboardingApplications.applicantEmail,
        step: onboardingApplications.step,
        createdAt: onboardingApplications.createdAt,
        submittedAt: partners.submittedAt,
      })
      .from(onboardingApplications)
      .innerJoin(partners, eq(partners.id, onboardingApplications.partnerId))
      .where(where)
      .orderBy(desc(onboardingApplications.createdAt), desc(onboardingApplications.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db
      .select({ n: count() })
      .from(onboardingApplications)
      .innerJoin(partners, eq(partners.id, onboardingApplications.partnerId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** Staff: every application, any channel. */
export function listDrafts(c: Caller, input: Parameters<typeof listApplications>[2]): Promise<Page<DraftRow>> {
  return listApplications(c.deps.db, undefined, input);
}

/** Sub-broker: only the partners it registered. */
export async function myRegistrations(
  c: Caller & { actor: Actor },
  input: Parameters<typeof listApplications>[2],
): Promise<Page<DraftRow>> {
  const registeredBy = await assertSubBroker(c.deps.db, c.actor);
  return listApplications(c.deps.db, eq(partners.registeredByPartnerId, registeredBy), input);
}
