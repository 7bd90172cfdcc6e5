import {
  API_TOKEN_PREFIX,
  type Capability,
  checkApiToken,
  effectiveCapabilities,
  parseApiToken,
  parseSessionToken,
  secretMatches,
  sessionEndReason,
  shouldTouch,
  tokenCapabilities,
} from '@kapas/auth';
import { apiTokens, type DbOrTx, partners, roles, sessions, userGrants, userRoles, users } from '@kapas/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor, Deps } from '../../context';
import { preparedPer } from '../../shared/prepared';
import { partnerMaySignIn } from './partner-gate';
import { sessionPolicy } from './policy';

/** Resolves a session token to the acting user with their effective capabilities, or null. */
export async function loadActor(deps: Deps, token: string | null): Promise<Actor | null> {
  if (!token) return null;
  if (token.startsWith(`${API_TOKEN_PREFIX}_`)) return loadTokenActor(deps, token);
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const [row] = await sessionStatement(deps.db).execute({ id: parsed.id });
  if (!row || !secretMatches(parsed.secret, row.session.secretHash)) return null;
  const now = deps.clock();
  const policy = await sessionPolicy(deps);
  const s = row.session;
  const reason = sessionEndReason(
    { lastActiveAt: new Date(s.lastActiveAt), expiresAt: new Date(s.expiresAt), endedAt: s.endedAt ? new Date(s.endedAt) : null },
    policy,
    now,
  );
  if (reason || row.user.status !== 'ACTIVE' || !partnerMaySignIn(row.user, row.partnerStatus)) return null;
  if (shouldTouch(new Date(s.lastActiveAt), now)) {
    // Activity starts a new idle window, which deserves its own "about to expire" warning.
    await deps.db.update(sessions).set({ lastActiveAt: now.toISOString(), warnedAt: null }).where(eq(sessions.id, s.id));
  }
  return actorFor(deps.db, row.user, s.id, now, { roles: row.roles, grants: row.grants });
}

type UserRow = typeof users.$inferSelect;

type AccessRows = {
  roles: { code: string; capabilities: string[] }[];
  grants: { capability: string; effect: string; expiresAt: string | null }[];
};

/**
 * Every request runs this: one prepared statement (built once, planned once per connection) reads the
 * session, its user and partner status, and the user's roles and grants as JSON — nothing is cached,
 * so a revoked session, role or grant counts from the next request on.
 */
const sessionStatement = preparedPer((db) =>
  db
    .select({
      session: sessions,
      user: users,
      partnerStatus: partners.status,
      roles: sql<
        AccessRows['roles']
      >`(select coalesce(json_agg(json_build_object('code', ${roles.code}, 'capabilities', ${roles.capabilities})), '[]'::json) from ${userRoles} inner join ${roles} on ${roles.id} = ${userRoles.roleId} where ${userRoles.userId} = ${users.id})`,
      grants: sql<
        AccessRows['grants']
      >`(select coalesce(json_agg(json_build_object('capability', ${userGrants.capability}, 'effect', ${userGrants.effect}, 'expiresAt', ${userGrants.expiresAt})), '[]'::json) from ${userGrants} where ${userGrants.userId} = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('actor_session'),
);

/** An integrator's API token acts as its owner, limited to the token's scopes (never more than the owner). */
async function loadTokenActor(deps: Deps, token: string): Promise<Actor | null> {
  const parsed = parseApiToken(token);
  if (!parsed) return null;
  const [row] = await deps.db
    .select({ token: apiTokens, user: users, partnerStatus: partners.status })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(apiTokens.id, parsed.id));
  const now = deps.clock();
  if (row?.user.status !== 'ACTIVE' || !partnerMaySignIn(row.user, row.partnerStatus)) return null;
  const check = checkApiToken(
    parsed.secret,
    {
      secretHash: row.token.secretHash,
      expiresAt: row.token.expiresAt ? new Date(row.token.expiresAt) : null,
      revokedAt: row.token.revokedAt ? new Date(row.token.revokedAt) : null,
    },
    now,
  );
  if (!check.ok) return null;
  if (!row.token.lastUsedAt || shouldTouch(new Date(row.token.lastUsedAt), now)) {
    await deps.db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.token.id));
  }
  const owner = await actorFor(deps.db, row.user, `api:${row.token.id}`, now);
  const capabilities = tokenCapabilities(row.token.scopes, owner.capabilities);
  return { ...owner, capabilities: new Set([...owner.capabilities].filter((c) => capabilities.has(c))) };
}

/** Role capabilities plus live grants minus live denials; a sub-user never exceeds the partner's primary user. */
export async function capabilitiesOf(
  db: DbOrTx,
  user: UserRow,
  now: Date,
): Promise<{ roles: string[]; capabilities: Set<Capability> }> {
  const [roleRows, grants] = await Promise.all([
    db
      .select({ code: roles.code, capabilities: roles.capabilities })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(eq(userRoles.userId, user.id)),
    db.select().from(userGrants).where(eq(userGrants.userId, user.id)),
  ]);
  return capabilitiesFrom(db, user, { roles: roleRows, grants }, now);
}

async function capabilitiesFrom(
  db: DbOrTx,
  user: UserRow,
  access: AccessRows,
  now: Date,
): Promise<{ roles: string[]; capabilities: Set<Capability> }> {
  let capabilities = effectiveCapabilities(
    access.roles.flatMap((r) => r.capabilities),
    access.grants.map((g) => ({
      capability: g.capability,
      effect: g.effect === 'DENY' ? 'DENY' : 'GRANT',
      expiresAt: g.expiresAt ? new Date(g.expiresAt) : null,
    })),
    now,
  );
  if (user.kind === 'PARTNER' && !user.isPrimary && user.partnerId) {
    const [primary] = await db
      .select()
      .from(users)
      .where(and(eq(users.partnerId, user.partnerId), eq(users.isPrimary, true)));
    const ceiling = primary ? (await capabilitiesOf(db, primary, now)).capabilities : new Set<Capability>();
    capabilities = new Set([...capabilities].filter((c) => ceiling.has(c) && !PRIMARY_ONLY.has(c)));
  }
  return { roles: access.roles.map((r) => r.code), capabilities };
}

/** Capabilities a sub-user can never hold (DOMAIN §1: a sub-user cannot create sub-users). */
export const PRIMARY_ONLY: ReadonlySet<Capability> = new Set<Capability>(['subuser:manage', 'token:manage']);

/** `loaded`: the user's role and grant rows when the caller already read them (the session lookup does). */
export async function actorFor(db: DbOrTx, user: UserRow, sessionId: string, now: Date, loaded?: AccessRows): Promise<Actor> {
  const access = loaded ? await capabilitiesFrom(db, user, loaded, now) : await capabilitiesOf(db, user, now);
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    kind: user.kind === 'BACK_OFFICE' ? 'BACK_OFFICE' : 'PARTNER',
    partnerId: user.partnerId,
    isPrimary: user.isPrimary,
    branchIds: user.isPrimary ? null : (user.branchIds ?? null),
    roles: access.roles,
    capabilities: access.capabilities,
    sessionId,
    mustChangePassword: user.mustChangePassword,
  };
}
