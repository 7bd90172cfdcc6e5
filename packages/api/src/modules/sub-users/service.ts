import type { Capability } from '@kapas/auth';
import { auditLog, branches, type DbOrTx, partners, userGrants, users } from '@kapas/db';
import { and, count, desc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { createActionToken } from '../auth/action-tokens';
import { PRIMARY_ONLY } from '../auth/actor-loader';
import { announceAccessChange } from '../auth/session-store';
import { queueMessage } from '../messaging/queue';
import { setAccountActive } from '../users/status';

const INVITE_TTL_MS = 7 * 86_400_000;

export type SubUser = {
  id: string;
  email: string;
  name: string;
  mobile: string | null;
  status: string;
  capabilities: string[];
  /** Branches the sub-user may act for; null = every branch. */
  branchIds: string[] | null;
  /** The same branches by code and name, for display; null = every branch. */
  branches: SubUserBranch[] | null;
  lastSignInAt: string | null;
  createdAt: string;
};

export type SubUserBranch = { id: string; code: string; name: string; active: boolean };

/** Sub-users are managed by their partner's primary user only; another partner's sub-user is NOT_FOUND. */
function primaryOf(actor: Actor): { partnerId: string } {
  if (actor.kind !== 'PARTNER' || !actor.isPrimary || !actor.partnerId || actor.sessionId.startsWith('api:')) {
    throw new DomainError('FORBIDDEN', 'Only the primary user of a partner can manage sub-users.');
  }
  return { partnerId: actor.partnerId };
}

/** The capabilities a sub-user may be given: a subset of the primary's, never sub-user or token management. */
function assertGrantable(actor: Actor, capabilities: Capability[]): void {
  const refused = capabilities.filter((c) => PRIMARY_ONLY.has(c) || !actor.capabilities.has(c));
  if (refused.length) {
    throw new DomainError('BAD_REQUEST', 'A sub-user can only get permissions you have.', {
      fieldErrors: { capabilities: [`Not allowed for a sub-user: ${refused.join(', ')}`] },
    });
  }
}

async function ownSubUser(db: DbOrTx, partnerId: string, userId: string) {
  const [u] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.partnerId, partnerId), eq(users.isPrimary, false)));
  if (!u) throw new DomainError('NOT_FOUND', 'Sub-user not found.');
  return u;
}

export async function listSubUsers(deps: Deps, actor: Actor): Promise<SubUser[]> {
  const { partnerId } = primaryOf(actor);
  const rows = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.partnerId, partnerId), eq(users.isPrimary, false)))
    .orderBy(users.name);
  const grants = rows.length
    ? await deps.db
        .select()
        .from(userGrants)
        .where(
          inArray(
            userGrants.userId,
            rows.map((u) => u.id),
          ),
        )
    : [];
  const named = await branchesById(
    deps.db,
    partnerId,
    rows.flatMap((u) => u.branchIds ?? []),
  );
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    mobile: u.mobile,
    status: u.status,
    capabilities: grants
      .filter((g) => g.userId === u.id && g.effect === 'GRANT')
      .map((g) => g.capability)
      .sort(),
    branchIds: u.branchIds ?? null,
    branches: u.branchIds?.length ? u.branchIds.flatMap((id) => named.get(id) ?? []) : null,
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
  }));
}

/** The partner's branches among `ids`, by id (another partner's id finds nothing). */
async function branchesById(db: DbOrTx, partnerId: string, ids: string[]): Promise<Map<string, SubUserBranch>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: branches.id, code: branches.code, name: branches.name, active: branches.active })
    .from(branches)
    .where(and(eq(branches.partnerId, partnerId), inArray(branches.id, [...new Set(ids)])));
  return new Map(rows.map((b) => [b.id, b]));
}

/** A sub-user's branches must be active branches of its own partner; null or empty means every branch. */
async function ownBranches(db: DbOrTx, partnerId: string, ids: string[] | null | undefined): Promise<SubUserBranch[] | null> {
  if (!ids || ids.length === 0) return null;
  const unique = [...new Set(ids)].sort();
  const found = await branchesById(db, partnerId, unique);
  if (unique.some((id) => !found.get(id)?.active)) {
    throw new DomainError('BAD_REQUEST', 'Choose active branches of your company.', {
      fieldErrors: { branchIds: ['Choose active branches of your company'] },
    });
  }
  return unique.map((id) => found.get(id)!);
}

async function replaceGrants(tx: DbOrTx, userId: string, capabilities: Capability[], now: Date): Promise<void> {
  await tx.delete(userGrants).where(eq(userGrants.userId, userId));
  for (const capability of new Set(capabilities)) {
    await tx.insert(userGrants).values({ userId, capability, effect: 'GRANT', createdAt: now.toISOString() });
  }
}

/** Invites a sub-user by email (7-day link); at most `subUser.max` (setting, default 2) per partner. */
export async function inviteSubUser(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: {
    email: string;
    name: string;
    mobile?: string | undefined;
    capabilities: Capability[];
    branchIds?: string[] | null | undefined;
  },
): Promise<SubUser> {
  const { partnerId } = primaryOf(actor);
  assertGrantable(actor, input.capabilities);
  const chosen = await ownBranches(deps.db, partnerId, input.branchIds);
  const branchIds = chosen?.map((b) => b.id) ?? null;
  const max = await deps.settings.number('subUser.max', 2);
  const now = deps.clock();
  const [taken] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (taken)
    throw new DomainError('CONFLICT', 'This email is already used.', { fieldErrors: { email: ['This email is already used'] } });
  return transact(deps, async (tx) => {
    // Lock the partner row so two invitations at once cannot both pass the limit.
    const [partner] = await tx.select().from(partners).where(eq(partners.id, partnerId)).for('update');
    const [existing] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.partnerId, partnerId), eq(users.isPrimary, false), ne(users.status, 'DISABLED')));
    if ((existing?.n ?? 0) >= max) {
      throw new DomainError('SUB_USER_LIMIT', `A partner can have at most ${max} sub-users. Deactivate one first.`, { max });
    }
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        mobile: input.mobile ?? null,
        kind: 'PARTNER',
        partnerId,
        isPrimary: false,
        status: 'INVITED',
        invitedBy: actor.userId,
        branchIds,
        createdAt: now.toISOString(),
      })
      .returning();
    await replaceGrants(tx, created!.id, input.capabilities, now);
    const token = await createActionToken(tx, 'INVITE', created!.id, INVITE_TTL_MS, now);
    const link = `${deps.publicUrl}/accept-invite?token=${encodeURIComponent(token)}`;
    await queueMessage(tx, {
      channel: 'EMAIL',
      recipient: input.email,
      template: 'INVITE',
      variables: {
        name: input.name,
        inviter: actor.name,
        partner: partner?.tradeName ?? partner?.legalName ?? 'your company',
        link,
      },
    });
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'subuser.invite',
        entityType: 'user',
        entityId: created!.id,
        newValues: { email: input.email, name: input.name, capabilities: input.capabilities, branchIds },
      },
    );
    return {
      id: created!.id,
      email: created!.email,
      name: created!.name,
      mobile: created!.mobile,
      status: created!.status,
      capabilities: [...new Set(input.capabilities)].sort(),
      branchIds,
      branches: chosen,
      lastSignInAt: null,
      createdAt: created!.createdAt,
    };
  });
}

export async function updateSubUser(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { userId: string; name: string; capabilities: Capability[]; branchIds?: string[] | null | undefined },
): Promise<void> {
  const { partnerId } = primaryOf(actor);
  assertGrantable(actor, input.capabilities);
  const user = await ownSubUser(deps.db, partnerId, input.userId);
  // Left out = unchanged; null or [] = every branch.
  const branchIds =
    input.branchIds === undefined
      ? user.branchIds
      : ((await ownBranches(deps.db, partnerId, input.branchIds))?.map((b) => b.id) ?? null);
  const now = deps.clock();
  await transact(deps, async (tx) => {
    const before = await tx.select({ capability: userGrants.capability }).from(userGrants).where(eq(userGrants.userId, user.id));
    await tx.update(users).set({ name: input.name, branchIds, updatedAt: now.toISOString() }).where(eq(users.id, user.id));
    await replaceGrants(tx, user.id, input.capabilities, now);
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'subuser.update',
        entityType: 'user',
        entityId: user.id,
        oldValues: { name: user.name, capabilities: before.map((b) => b.capability).sort(), branchIds: user.branchIds },
        newValues: { name: input.name, capabilities: input.capabilities, branchIds },
      },
    );
    await announceAccessChange(tx, user.id);
  });
}

export async function setSubUserActive(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { userId: string; active: boolean },
): Promise<void> {
  const { partnerId } = primaryOf(actor);
  const user = await ownSubUser(deps.db, partnerId, input.userId);
  await setAccountActive(deps, meta, actor, user, input.active, 'subuser');
}

/** What a sub-user did recently, from the audit trail. */
export async function subUserActivity(deps: Deps, actor: Actor, userId: string) {
  const { partnerId } = primaryOf(actor);
  await ownSubUser(deps.db, partnerId, userId);
  return (
    deps.db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        ip: auditLog.ip,
      })
      .from(auditLog)
      // What they did, and what happened to their account (sign-ins, invitation accepted …).
      .where(or(eq(auditLog.actorUserId, userId), and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId))))
      .orderBy(desc(auditLog.id))
      .limit(50)
  );
}
