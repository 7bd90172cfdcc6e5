import { certifications } from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { notifyPartner } from '../notifications/notify';
import type { certificationQueueInput, decideWithNotesInput, verifyCertificationInput } from './schemas';
import { nextState, type Origin, writeCertification } from './service';
import { certificationView, pageOf } from './view';

/** COMPLIANCE decisions (certification:verify). Each notifies the partner. */
type Decision = 'VERIFY' | 'REJECT' | 'SUSPEND';
const WORDS: Record<Decision, { action: string; title: string }> = {
  VERIFY: { action: 'certification.verify', title: 'Certification verified' },
  REJECT: { action: 'certification.reject', title: 'Certification rejected' },
  SUSPEND: { action: 'certification.suspend', title: 'Certification suspended' },
};

async function decide(o: Origin, event: Decision, input: { id: string; version: number; notes?: string }) {
  const [before] = await o.deps.db.select().from(certifications).where(eq(certifications.id, input.id));
  if (!before) throw new DomainError('NOT_FOUND', 'Certification not found.');
  const status = nextState(before, event);
  const expiringDays = await o.deps.settings.number('certification.expiringDays', 90);
  const now = o.deps.clock();
  const row = await writeCertification(
    o,
    WORDS[event].action,
    before,
    async (tx) => {
      const [updated] = await tx
        .update(certifications)
        .set({
          status,
          statusNote: input.notes || null,
          ...(event === 'VERIFY' ? { verifiedByUserId: o.actor.userId, verifiedAt: now.toISOString() } : {}),
          version: input.version + 1,
          updatedAt: now.toISOString(),
        })
        .where(
          and(
            eq(certifications.id, input.id),
            eq(certifications.version, input.version),
            eq(certifications.status, before.status),
          ),
        )
        .returning();
      return updated;
    },
    (tx, r) =>
      notifyPartner(tx, r.partnerId, {
        kind: 'certification.status',
        title: WORDS[event].title,
        body: `${r.certificateType} ${r.number}: ${status}${input.notes ? ` — ${input.notes}` : ''}`,
        link: '/compliance',
        data: { certificationId: r.id, status },
        email: event !== 'VERIFY',
      }),
  );
  return certificationView(row, now, expiringDays);
}

export const verifyCertification = (o: Origin, input: z.infer<typeof verifyCertificationInput>) => decide(o, 'VERIFY', input);
export const rejectCertification = (o: Origin, input: z.infer<typeof decideWithNotesInput>) => decide(o, 'REJECT', input);
export const suspendCertification = (o: Origin, input: z.infer<typeof decideWithNotesInput>) => decide(o, 'SUSPEND', input);

export async function certificationQueue(o: Pick<Origin, 'deps'>, input: z.infer<typeof certificationQueueInput>) {
  const expiringDays = await o.deps.settings.number('certification.expiringDays', 90);
  return pageOf(o.deps.db, eq(certifications.status, input.status), input, o.deps.clock(), expiringDays);
}
