import { type NewApprovalRequest, requestApproval } from '@kapas/api';
import { roles, userRoles, users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { TestServer } from '../src/testing';

/** Ids of demo users by email. */
export async function userIdOf(server: TestServer, email: string): Promise<string> {
  const [u] = await server.handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  return u.id;
}

export async function roleCodesOf(server: TestServer, userId: string): Promise<string[]> {
  const rows = await server.handle.db
    .select({ code: roles.code })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, userId));
  return rows.map((r) => r.code).sort();
}

/**
 * Opens a request through the real `requestApproval` (what the onboarding and partner modules
 * call), in its own transaction, then tells the bus so live subscribers see it.
 */
export async function openRequest(
  server: TestServer,
  input: Partial<NewApprovalRequest> & Pick<NewApprovalRequest, 'requestedByUserId'>,
): Promise<{ id: string; number: string; version: number }> {
  const row = await server.handle.db.transaction((tx) =>
    requestApproval(tx, {
      type: 'ROLE_ASSIGNMENT',
      subjectType: 'user',
      subjectId: input.subjectId ?? '00000000-0000-4000-8000-000000000000',
      summary: 'Test request',
      payload: {},
      now: new Date(),
      expiresInDays: 30,
      ...input,
    }),
  );
  void server.deps.bus.poke();
  return { id: row.id, number: row.number, version: row.version };
}

/** A ROLE_ASSIGNMENT request for a user: roles `from` → `to` (the effect applies it on approval). */
export function roleChange(
  subjectId: string,
  from: string[],
  to: string[],
  requestedByUserId: string,
  extra: Partial<NewApprovalRequest> = {},
) {
  return {
    type: 'ROLE_ASSIGNMENT' as const,
    subjectType: 'user',
    subjectId,
    summary: `Roles ${from.join('+')} → ${to.join('+')}`,
    payload: { roles: { from, to } },
    requestedByUserId,
    ...extra,
  };
}
