import { roles, userRoles, users } from '@kapas/db';
import { eq, inArray } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { appendAudit } from '../audit/append';
import { announceAccessChange } from '../auth/session-store';
import type { ApprovalEffect, ApprovalRequestRow, ApprovalType } from './types';

/** Payload of a ROLE_ASSIGNMENT request: the subject user's role codes before and after. */
type RolesChange = { roles: { from: string[]; to: string[] } };

function rolesChangeOf(request: ApprovalRequestRow): RolesChange['roles'] {
  const change = (request.payload as Partial<RolesChange>).roles;
  if (!change || !Array.isArray(change.from) || !Array.isArray(change.to)) {
    throw new DomainError('CONFLICT', `${request.number} does not describe a role change.`);
  }
  return change;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * ROLE_ASSIGNMENT (maker-checker for permission changes): on approval the subject user's roles
 * become `payload.roles.to`, provided they are still `payload.roles.from` (otherwise the request
 * is stale and the whole decision is refused, leaving the request pending). Rejection changes nothing.
 */
export const roleAssignmentEffects: Partial<Record<ApprovalType, ApprovalEffect>> = {
  ROLE_ASSIGNMENT: {
    async onApproved(request, { tx, actor, meta, now }) {
      const change = rolesChangeOf(request);
      const [user] = await tx.select().from(users).where(eq(users.id, request.subjectId)).for('update');
      if (!user) throw new DomainError('NOT_FOUND', `The user of ${request.number} no longer exists.`);
      const current = await tx
        .select({ code: roles.code })
        .from(userRoles)
        .innerJoin(roles, eq(roles.id, userRoles.roleId))
        .where(eq(userRoles.userId, user.id));
      if (
        !sameSet(
          current.map((r) => r.code),
          change.from,
        )
      ) {
        throw new DomainError(
          'CONFLICT',
          `The roles of ${user.name} changed since ${request.number} was requested; ask for a new request.`,
        );
      }
      const wanted = change.to.length ? await tx.select().from(roles).where(inArray(roles.code, change.to)) : [];
      const scope = user.kind === 'BACK_OFFICE' ? 'BACK_OFFICE' : 'PARTNER';
      if (wanted.length !== new Set(change.to).size || wanted.some((r) => r.scope !== scope)) {
        throw new DomainError('CONFLICT', `${request.number} names roles that do not exist for this user.`);
      }
      await tx.delete(userRoles).where(eq(userRoles.userId, user.id));
      for (const r of wanted) await tx.insert(userRoles).values({ userId: user.id, roleId: r.id });
      await appendAudit(
        tx,
        { actor, meta, now },
        {
          action: 'user.roles_change',
          entityType: 'user',
          entityId: user.id,
          oldValues: { roles: change.from },
          newValues: { roles: change.to, approval: request.number },
          partnerId: user.partnerId,
        },
      );
      await announceAccessChange(tx, user.id);
    },
    async onRejected() {},
  },
};
