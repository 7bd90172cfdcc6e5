import { certifications, reminderLog } from '@kapas/db';
import { and, eq, lte } from 'drizzle-orm';
import type { Deps } from '../../context';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { notifyPartner } from '../notifications/notify';
import { CERTIFICATION_REMINDER_DAYS, expiryReminderKind, isoDay, isPastExpiry } from './rules/expiry';
import { nextState, writeCertification } from './service';

const JOB_META = { requestId: 'job:certification-expiry', ip: null, userAgent: null };

/**
 * Daily: VERIFIED certifications past their expiry day become EXPIRED (audited, partner told);
 * those 30 or 7 days from expiry get a reminder — at most one per kind per day, enforced by the
 * reminder_log unique key, so reruns and parallel instances do not repeat it.
 */
export async function runCertificationExpiry(deps: Deps, now: Date): Promise<Record<string, unknown>> {
  const today = isoDay(now);
  const horizon = isoDay(new Date(now.getTime() + Math.max(...CERTIFICATION_REMINDER_DAYS) * 86_400_000));
  const rows = await deps.db
    .select()
    .from(certifications)
    .where(and(eq(certifications.status, 'VERIFIED'), lte(certifications.expiresOn, horizon)));
  let reminded = 0;
  let expired = 0;
  const jobDeps = { ...deps, clock: () => now };
  for (const row of rows) {
    if (isPastExpiry(row.expiresOn, now)) {
      const status = nextState(row, 'EXPIRE');
      await writeCertification(
        { deps: jobDeps, actor: null, meta: JOB_META },
        'certification.expire',
        row,
        async (tx) => {
          const [updated] = await tx
            .update(certifications)
            .set({ status, version: row.version + 1, updatedAt: now.toISOString() })
            .where(and(eq(certifications.id, row.id), eq(certifications.version, row.version)))
            .returning();
          return updated;
        },
        (tx, r) =>
          notifyPartner(tx, r.partnerId, {
            kind: 'certification.expired',
            title: 'Certification expired',
            body: `${r.certificateType} ${r.number} expired on ${r.expiresOn}; it no longer counts in matching.`,
            link: '/compliance',
            data: { certificationId: r.id },
            email: true,
          }),
      ).then(
        () => expired++,
        (error: unknown) => {
          // Changed meanwhile (e.g. suspended): nothing to expire.
          if (!(error instanceof DomainError)) throw error;
        },
      );
      continue;
    }
    const kind = expiryReminderKind(row.expiresOn, now);
    if (!kind) continue;
    const sent = await transact(deps, async (tx) => {
      const [logged] = await tx
        .insert(reminderLog)
        .values({ subjectType: 'CERTIFICATION', subjectId: row.id, kind, sentOn: today })
        .onConflictDoNothing()
        .returning({ id: reminderLog.id });
      if (!logged) return false;
      await notifyPartner(tx, row.partnerId, {
        kind: 'certification.reminder',
        title: 'Certification expiring',
        body: `${row.certificateType} ${row.number} expires on ${row.expiresOn}. Upload the renewed certificate in time.`,
        link: '/compliance',
        data: { certificationId: row.id, reminder: kind },
        email: true,
      });
      return true;
    });
    if (sent) reminded++;
  }
  return { reminded, expired };
}
