import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from './columns';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const partners = pgTable('partners', {
  id: id(),
  /** BP-YYYY-NNNN, allocated when the application is submitted (drafts have none yet). */
  number: text('number').unique(),
  legalName: text('legal_name').notNull(),
  tradeName: text('trade_name'),
  businessType: text('business_type').notNull(),
  registrationType: text('registration_type').notNull().default('COMPANY'),
  pan: text('pan'),
  gstin: text('gstin').unique(),
  cin: text('cin'),
  tan: text('tan'),
  /** Individuals only; stored masked (XXXX-XXXX-1234): the full number is validated, never kept. */
  aadhaarMasked: text('aadhaar_masked'),
  email: text('email').unique(),
  mobile: text('mobile').unique(),
  status: text('status').notNull().default('DRAFT'),
  statusReason: text('status_reason'),
  /** SELF | BACK_OFFICE | SUB_BROKER: how the application was started. */
  channel: text('channel').notNull().default('SELF'),
  /** The sub-broker partner that registered this partner, if any. */
  registeredByPartnerId: uuid('registered_by_partner_id'),
  createdByUserId: uuid('created_by_user_id'),
  consents: jsonb('consents').$type<Record<string, string>>().notNull().default({}),
  submittedAt: tstz('submitted_at'),
  approvedAt: tstz('approved_at'),
  kycVerifiedAt: tstz('kyc_verified_at'),
  kycDueAt: tstz('kyc_due_at'),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    mobile: text('mobile').unique(),
    kind: text('kind').notNull(), // BACK_OFFICE | PARTNER
    partnerId: uuid('partner_id').references(() => partners.id),
    isPrimary: boolean('is_primary').notNull().default(false),
    passwordHash: text('password_hash'),
    status: text('status').notNull().default('ACTIVE'), // ACTIVE | INVITED | DISABLED
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockCount: integer('lock_count').notNull().default(0),
    /** Times of failed sign-ins in the last hour (at most 100), for the hourly failure cap. */
    recentFailures: jsonb('recent_failures').$type<string[]>().notNull().default([]),
    lockedUntil: tstz('locked_until'),
    passwordChangedAt: tstz('password_changed_at'),
    emailVerifiedAt: tstz('email_verified_at'),
    mobileVerifiedAt: tstz('mobile_verified_at'),
    lastSignInAt: tstz('last_sign_in_at'),
    invitedBy: uuid('invited_by'),
    /** Sub-users only: the branches they may act for; null = every branch of the partner. */
    branchIds: jsonb('branch_ids').$type<string[]>(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('users_partner_idx').on(t.partnerId)],
);

export const roles = pgTable('roles', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  scope: text('scope').notNull(), // BACK_OFFICE | PARTNER
  capabilities: jsonb('capabilities').$type<string[]>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] })],
);

export const userGrants = pgTable(
  'user_grants',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    capability: text('capability').notNull(),
    effect: text('effect').notNull(), // GRANT | DENY
    expiresAt: tstz('expires_at'),
    createdAt: createdAt(),
  },
  (t) => [index('user_grants_user_idx').on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: bytea('secret_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastActiveAt: tstz('last_active_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    endedAt: tstz('ended_at'),
    endReason: text('end_reason'),
    /** When the "about to expire" warning was pushed for the current idle window. */
    warnedAt: tstz('warned_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
  updatedBy: uuid('updated_by'),
});

export const numberSequences = pgTable(
  'number_sequences',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);
