import { bigint, customType, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from './columns';
import { partners, users } from './identity';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** One-time codes (DOMAIN §5): only a hash is stored, bound to purpose and target. */
export const otps = pgTable(
  'otps',
  {
    id: id(),
    purpose: text('purpose').notNull(),
    target: text('target').notNull(),
    codeHash: text('code_hash').notNull(),
    userId: uuid('user_id').references(() => users.id),
    /** For sign-in challenges: hash of the random challenge id handed to the client between the two steps. */
    challengeHash: text('challenge_hash').unique(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
    consumedAt: tstz('consumed_at'),
    invalidatedAt: tstz('invalidated_at'),
  },
  (t) => [index('otps_target_idx').on(t.target, t.purpose, t.createdAt)],
);

/** Single-use links: password reset, invitations, first password. Only the secret's hash is stored. */
export const actionTokens = pgTable(
  'action_tokens',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose').notNull(), // PASSWORD_RESET | INVITE | SET_PASSWORD
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    secretHash: bytea('secret_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
  },
  (t) => [index('action_tokens_user_idx').on(t.userId)],
);

export const passwordHistory = pgTable(
  'password_history',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

/** Integrator tokens: scoped to a subset of the owner's capabilities; shown once, stored hashed. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    partnerId: uuid('partner_id').references(() => partners.id),
    name: text('name').notNull(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    secretHash: bytea('secret_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at'),
    lastUsedAt: tstz('last_used_at'),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** Security-relevant happenings for admins (brute force, OTP abuse, access denied …), separate from audit. */
export const securityEvents = pgTable(
  'security_events',
  {
    id: id(),
    at: createdAt(),
    type: text('type').notNull(),
    severity: text('severity').notNull(), // LOW | MEDIUM | HIGH
    userId: uuid('user_id'),
    partnerId: uuid('partner_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    acknowledgedAt: tstz('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [index('security_events_at_idx').on(t.at)],
);

/** Fixed-window counters for rate limits shared by several server instances. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: bigint('window_start', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
