import { partners, reminderLog } from '@kapas/db';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Deps } from '../../context';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { notifyPartner } from '../notifications/notify';
import { notifyStaffWith } from '../notifications/staff';
import { indianDate, kycDaysUntilDue, kycReminder } from '../partners/rules/kyc';
import { PARTNER_STATES, type PartnerState, transition } from '../partners/rules/onboarding';

const JOB_ORIGIN = { actor: null, meta: { requestId: 'job:kyc-reminders', ip: null, userAgent: null } };
const isPartnerState = (s: string): s is PartnerState => (PARTNER_STATES as readonly string[]).includes(s);

/**
 * Daily KYC work (DOMAIN §4, rules in partners/rules/kyc.ts): reminders 30/15/7/1 days before
 * due, then daily while overdue — one per type per day through the reminder_log unique key;
 * more than `kyc.graceDays` overdue → the partner becomes KYC_EXPIRED, COMPLIANCE is alerted.
 */
export async function runKycReminders(deps: Deps, now: Date): Promise<Record<string, unknown>> {
  const graceDays = await deps.settings.number('kyc.graceDays', 30);
  const rows = await deps.db
    .select()
    .from(partners)
    .where(and(inArray(partners.status, ['ACTIVE', 'KYC_EXPIRED']), isNotNull(partners.kycVerifiedAt)));
  let reminded = 0;
  let expired = 0;
  for (const p of rows) {
    const verifiedAt = new Date(p.kycVerifiedAt!);
    const reminder = kycReminder(verifiedAt, now);
    // shouldExpireKyc with the grace period read from the setting instead of the DOMAIN default.
    const expire = p.status === 'ACTIVE' && -kycDaysUntilDue(verifiedAt, now) > graceDays;
    if (!reminder && !expire) continue;
    await transact(deps, async (tx) => {
      if (reminder) {
        const [logged] = await tx
          .insert(reminderLog)
          .values({ subjectType: 'PARTNER_KYC', subjectId: p.id, kind: reminder.type, sentOn: indianDate(now) })
          .onConflictDoNothing()
          .returning({ id: reminderLog.id });
        if (logged) {
          reminded++;
          const overdue = reminder.daysUntilDue <= 0;
          await notifyPartner(tx, p.id, {
            kind: 'kyc.reminder',
            title: overdue ? 'KYC overdue' : 'KYC renewal due soon',
            body: overdue
              ? `Your annual KYC is ${-reminder.daysUntilDue} day(s) overdue. Trading stops after ${graceDays} days overdue.`
              : `Your annual KYC is due in ${reminder.daysUntilDue} day(s).`,
            link: '/compliance',
            email: true,
            now,
          });
          await appendAudit(
            tx,
            { ...JOB_ORIGIN, now },
            { action: 'kyc.reminder', entityType: 'partner', entityId: p.id, newValues: reminder, partnerId: p.id },
          );
        }
      }
      if (expire && isPartnerState(p.status)) {
        const t = transition(p.status, 'EXPIRE_KYC');
        if (!t.ok) return;
        const [changed] = await tx
          .update(partners)
          .set({ status: t.state, statusReason: 'KYC overdue', version: p.version + 1, updatedAt: now.toISOString() })
          .where(and(eq(partners.id, p.id), eq(partners.status, p.status)))
          .returning({ id: partners.id });
        if (!changed) return;
        expired++;
        await appendAudit(
          tx,
          { ...JOB_ORIGIN, now },
          {
            action: 'kyc.expire',
            entityType: 'partner',
            entityId: p.id,
            oldValues: { status: p.status },
            newValues: { status: t.state },
            partnerId: p.id,
          },
        );
        await notifyPartner(tx, p.id, {
          kind: 'kyc.expired',
          title: 'KYC expired: trading paused',
          body: 'Your KYC is more than the allowed days overdue. Upload your KYC documents to resume trading.',
          link: '/compliance',
          email: true,
          now,
        });
        await notifyStaffWith(tx, 'kyc:manage', {
          kind: 'kyc.escalation',
          title: 'KYC expired',
          body: `${p.legalName} (${p.number ?? 'no number'}) is now KYC_EXPIRED.`,
          link: '/compliance',
          data: { partnerId: p.id },
          now,
        });
      }
    });
  }
  return { reminded, expired };
}
