import { users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { endSessions } from '../auth/session-store';

/**
 * Activates or deactivates an account (staff, partner user or sub-user). Deactivation ends every
 * session at once, so the user's sockets close within seconds. `actionPrefix` names it in the audit.
 */
export async function setAccountActive(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  user: typeof users.$inferSelect,
  active: boolean,
  actionPrefix: 'user' | 'subuser',
): Promise<void> {
  if (user.status === 'INVITED' && active) throw new DomainError('CONFLICT', 'This user has not accepted the invitation yet.');
  const now = deps.clock();
  await transact(deps, async (tx) => {
    await tx
      .update(users)
      .set({ status: active ? 'ACTIVE' : 'DISABLED', updatedAt: now.toISOString() })
      .where(eq(users.id, user.id));
    if (!active) await endSessions(tx, now, { userId: user.id }, 'DEACTIVATED');
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: `${actionPrefix}.${active ? 'activate' : 'deactivate'}`,
        entityType: 'user',
        entityId: user.id,
        oldValues: { status: user.status },
        partnerId: user.partnerId,
      },
    );
  });
}
