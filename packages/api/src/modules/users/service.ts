import { type Capability, isCapability } from '@kapas/auth';
import { type DbOrTx, roles, userGrants, userRoles, users } from '@kapas/db';
import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { offsetOf, type Page, type PageInput } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { createActionToken } from '../auth/action-tokens';
import { announceAccessChange } from '../auth/session-store';
import { queueMessage } from '../messaging/queue';
import { setAccountActive } from './status';

const INVITE_TTL_MS = 7 * 86_400_000;

type UserRow = typeof users.$inferSelect;
export type UserSummary = Pick<
  UserRow,
  'id' | 'email' | 'name' | 'kind' | 'partnerId' | 'isPrimary' | 'status' | 'lastSignInAt' | 'createdAt'
> & {
  roles: string[];
};

function summary(u: UserRow, roleCodes: string[]): UserSummary {
  const { id, email, name, kind, partnerId, isPrimary, status, lastSignInAt, createdAt } = u;
  return { id, email, name, kind, partnerId, isPrimary, status, lastSignInAt, createdAt, roles: roleCodes };
}

async function rolesByUser(db: DbOrTx, userIds: string[]): Promise<Map<string, string[]>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ userId: userRoles.userId, code: roles.code })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(inArray(userRoles.userId, userIds));
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.code]);
  return map;
}

export async function listUsers(
  deps: Deps,
  input: PageInput & { search?: string | undefined; kind?: 'BACK_OFFICE' | 'PARTNER' | undefined; status?: string | undefined },
): Promise<Page<UserSummary>> {
  const filters: SQL[] = [];
  if (input.search) {
    const p = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(users.email, p), ilike(users.name, p));
    if (match) filters.push(match);
  }
  if (input.kind) filters.push(eq(users.kind, input.kind));
  if (input.status) filters.push(eq(users.status, input.status));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db.select().from(users).where(where).orderBy(asc(users.email)).limit(input.pageSize).offset(offsetOf(input)),
    deps.db.select({ n: count() }).from(users).where(where),
  ]);
  const byUser = await rolesByUser(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((u) => summary(u, byUser.get(u.id) ?? [])),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

async function userRow(db: DbOrTx, id: string): Promise<UserRow> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u) throw new DomainError('NOT_FOUND', 'User not found.');
  return u;
}

export async function getUser(deps: Deps, id: string) {
  const u = await userRow(deps.db, id);
  const grants = await deps.db.select().from(userGrants).where(eq(userGrants.userId, id)).orderBy(asc(userGrants.capability));
  return { ...summary(u, (await rolesByUser(deps.db, [id])).get(id) ?? []), grants };
}

async function roleIds(db: DbOrTx, codes: string[], scope: 'BACK_OFFICE' | 'PARTNER'): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await db
    .select({ id: roles.id, code: roles.code, scope: roles.scope })
    .from(roles)
    .where(inArray(roles.code, codes));
  const unknown = codes.filter((c) => !rows.some((r) => r.code === c && r.scope === scope));
  if (unknown.length)
    throw new DomainError('BAD_REQUEST', 'Unknown role.', { fieldErrors: { roles: [`Unknown role: ${unknown.join(', ')}`] } });
  return rows.map((r) => r.id);
}

function notSelf(actor: Actor, userId: string): void {
  if (actor.userId === userId)
    throw new DomainError('FORBIDDEN', 'You cannot change your own access; ask another administrator.');
}

/** Creates a back-office user who sets their own password through a 7-day link (no temporary password). */
export async function createStaffUser(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { email: string; name: string; roles: string[] },
): Promise<UserSummary> {
  const now = deps.clock();
  const [existing] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing)
    throw new DomainError('CONFLICT', 'This email is already used.', { fieldErrors: { email: ['This email is already used'] } });
  return transact(deps, async (tx) => {
    const ids = await roleIds(tx, input.roles, 'BACK_OFFICE');
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        kind: 'BACK_OFFICE',
        status: 'INVITED',
        invitedBy: actor.userId,
        createdAt: now.toISOString(),
      })
      .returning();
    for (const roleId of ids) await tx.insert(userRoles).values({ userId: created!.id, roleId });
    const token = await createActionToken(tx, 'INVITE', created!.id, INVITE_TTL_MS, now);
    const link = `${deps.publicUrl}/admin/accept-invite?token=${encodeURIComponent(token)}`;
    await queueMessage(tx, {
      channel: 'EMAIL',
      recipient: input.email,
      template: 'INVITE',
      variables: { name: input.name, inviter: actor.name, partner: 'Kapas back office', link },
    });
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'user.create',
        entityType: 'user',
        entityId: created!.id,
        newValues: { email: input.email, name: input.name, roles: input.roles },
      },
    );
    return summary(created!, input.roles);
  });
}

export async function setRoles(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { userId: string; roles: string[] },
): Promise<void> {
  notSelf(actor, input.userId);
  const user = await userRow(deps.db, input.userId);
  const before = (await rolesByUser(deps.db, [user.id])).get(user.id) ?? [];
  const now = deps.clock();
  await transact(deps, async (tx) => {
    const ids = await roleIds(tx, input.roles, user.kind === 'BACK_OFFICE' ? 'BACK_OFFICE' : 'PARTNER');
    await tx.delete(userRoles).where(eq(userRoles.userId, user.id));
    for (const roleId of ids) await tx.insert(userRoles).values({ userId: user.id, roleId });
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'user.roles_change',
        entityType: 'user',
        entityId: user.id,
        oldValues: { roles: before },
        newValues: { roles: input.roles },
        partnerId: user.partnerId,
      },
    );
    await announceAccessChange(tx, user.id);
  });
}

export async function addGrant(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { userId: string; capability: Capability; effect: 'GRANT' | 'DENY'; expiresAt: string | null },
): Promise<void> {
  notSelf(actor, input.userId);
  const user = await userRow(deps.db, input.userId);
  const now = deps.clock();
  if (input.expiresAt && new Date(input.expiresAt) <= now) {
    throw new DomainError('BAD_REQUEST', 'The expiry must be in the future.', {
      fieldErrors: { expiresAt: ['Choose a time in the future'] },
    });
  }
  await transact(deps, async (tx) => {
    await tx.insert(userGrants).values({
      userId: user.id,
      capability: input.capability,
      effect: input.effect,
      expiresAt: input.expiresAt,
      createdAt: now.toISOString(),
    });
    await appendAudit(
      tx,
      { actor, meta, now },
      { action: 'user.grant_add', entityType: 'user', entityId: user.id, newValues: input, partnerId: user.partnerId },
    );
    await announceAccessChange(tx, user.id);
  });
}

export async function removeGrant(deps: Deps, meta: RequestMeta, actor: Actor, grantId: string): Promise<void> {
  const now = deps.clock();
  await transact(deps, async (tx) => {
    const [grant] = await tx.delete(userGrants).where(eq(userGrants.id, grantId)).returning();
    if (!grant) throw new DomainError('NOT_FOUND', 'Grant not found.');
    notSelf(actor, grant.userId);
    await appendAudit(
      tx,
      { actor, meta, now },
      { action: 'user.grant_remove', entityType: 'user', entityId: grant.userId, oldValues: grant },
    );
    await announceAccessChange(tx, grant.userId);
  });
}

/** Deactivation ends every session of the user at once (their sockets close within seconds). */
export async function setUserActive(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { userId: string; active: boolean },
): Promise<void> {
  notSelf(actor, input.userId);
  await setAccountActive(deps, meta, actor, await userRow(deps.db, input.userId), input.active, 'user');
}

export function listRoles(deps: Deps) {
  return deps.db.select().from(roles).orderBy(asc(roles.scope), asc(roles.code));
}

/** Edits a role bundle; SUPER_ADMIN is fixed so nobody can lock everyone out. Holders reconnect with the new set. */
export async function updateRole(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { code: string; capabilities: string[] },
): Promise<void> {
  if (input.code === 'SUPER_ADMIN') throw new DomainError('FORBIDDEN', 'The super-admin role cannot be changed.');
  const invalid = input.capabilities.filter((c) => !isCapability(c));
  if (invalid.length)
    throw new DomainError('BAD_REQUEST', 'Unknown permission.', {
      fieldErrors: { capabilities: [`Unknown: ${invalid.join(', ')}`] },
    });
  const now = deps.clock();
  await transact(deps, async (tx) => {
    const [role] = await tx.select().from(roles).where(eq(roles.code, input.code));
    if (!role) throw new DomainError('NOT_FOUND', 'Role not found.');
    await tx
      .update(roles)
      .set({ capabilities: [...new Set(input.capabilities)].sort(), updatedAt: now.toISOString() })
      .where(eq(roles.id, role.id));
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'role.update',
        entityType: 'role',
        entityId: role.code,
        oldValues: { capabilities: role.capabilities },
        newValues: { capabilities: input.capabilities },
      },
    );
    const holders = await tx.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.roleId, role.id));
    for (const h of holders) await announceAccessChange(tx, h.userId);
  });
}
