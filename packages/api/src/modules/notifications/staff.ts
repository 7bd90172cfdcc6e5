import { type Capability, effectiveCapabilities } from '@kapas/auth';
import { type DbOrTx, roles, userGrants, userRoles, users } from '@kapas/db';
import { and, eq, inArray } from 'drizzle-orm';
import { type NotificationInput, notifyUsers } from './notify';

/** Active back-office users whose roles and grants (minus denials) hold the capability. */
export async function staffWith(tx: DbOrTx, capability: Capability, now: Date): Promise<string[]> {
  const staff = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.kind, 'BACK_OFFICE'), eq(users.status, 'ACTIVE')));
  if (staff.length === 0) return [];
  const ids = staff.map((s) => s.id);
  const roleRows = await tx
    .select({ userId: userRoles.userId, capabilities: roles.capabilities })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(inArray(userRoles.userId, ids));
  const grantRows = await tx.select().from(userGrants).where(inArray(userGrants.userId, ids));
  return ids.filter((id) => {
    const caps = effectiveCapabilities(
      roleRows.filter((r) => r.userId === id).flatMap((r) => r.capabilities),
      grantRows
        .filter((g) => g.userId === id)
        .map((g) => ({
          capability: g.capability,
          effect: g.effect === 'DENY' ? ('DENY' as const) : ('GRANT' as const),
          expiresAt: g.expiresAt ? new Date(g.expiresAt) : null,
        })),
      now,
    );
    return caps.has(capability);
  });
}

/** Notifies every back-office user holding a capability (e.g. 'kyc:manage' for a KYC escalation to compliance). */
export async function notifyStaffWith(tx: DbOrTx, capability: Capability, n: NotificationInput): Promise<void> {
  await notifyUsers(tx, await staffWith(tx, capability, n.now ?? new Date()), n);
}
