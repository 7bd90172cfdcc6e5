import type { users } from '@kapas/db';
import type { Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { recordSecurityEvent } from '../security/record';
import { partnerRefusalMessage } from './partner-gate';

type UserRow = typeof users.$inferSelect;

/**
 * A user with the right password whose partner may not sign in (suspended, closed, not approved):
 * recorded like other refused sign-ins, and answered with PARTNER_NOT_ACTIVE instead of a session
 * that every later call would refuse. The lockout counters are left alone: the password was right.
 */
export async function refusePartnerSignIn(
  deps: Deps,
  meta: RequestMeta,
  user: UserRow,
  partnerStatus: string | null,
  now: Date,
): Promise<DomainError> {
  await transact(deps, async (tx) => {
    await appendAudit(
      tx,
      { actor: null, meta, now },
      {
        action: 'auth.sign_in_refused',
        entityType: 'user',
        entityId: user.id,
        partnerId: user.partnerId,
        newValues: { email: user.email, reason: 'PARTNER_NOT_ACTIVE', partnerStatus },
      },
    );
    await recordSecurityEvent(tx, now, {
      type: 'ACCESS_DENIED',
      // A closed-for-cause partner coming back deserves a closer look than a suspended one.
      severity: partnerStatus === 'BLACKLISTED' ? 'MEDIUM' : 'LOW',
      userId: user.id,
      partnerId: user.partnerId,
      ip: meta.ip,
      details: { email: user.email, reason: 'PARTNER_NOT_ACTIVE', partnerStatus },
    });
  });
  return new DomainError('PARTNER_NOT_ACTIVE', partnerRefusalMessage(partnerStatus), { status: partnerStatus });
}
