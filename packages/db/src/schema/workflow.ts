import { boolean, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from './columns';
import { users } from './identity';

/** The general approval engine (DOMAIN §7). `payload` shows what will change; the effect runs in the deciding transaction. */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: id(),
    number: text('number').notNull().unique(), // AP-YYYY-NNNNN
    type: text('type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The partner the request concerns, if any (for the partner's own view of its requests). */
    partnerId: uuid('partner_id'),
    summary: text('summary').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requiredApprovals: integer('required_approvals').notNull().default(1),
    approvalsCount: integer('approvals_count').notNull().default(0),
    status: text('status').notNull().default('PENDING'), // PENDING | APPROVED | REJECTED | CANCELLED | EXPIRED
    requestedByUserId: uuid('requested_by_user_id'),
    decidedAt: tstz('decided_at'),
    decisionNote: text('decision_note'),
    expiresAt: tstz('expires_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('approval_requests_status_idx').on(t.status, t.createdAt),
    index('approval_requests_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

export const approvalDecisions = pgTable(
  'approval_decisions',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    decision: text('decision').notNull(), // APPROVE | REJECT
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [unique('approval_decisions_once').on(t.requestId, t.userId)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    readAt: tstz('read_at'),
    /** Set when an email/SMS copy was queued (instantly or in a digest). */
    deliveredAt: tstz('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** Per user and kind: INSTANT (email now), DIGEST (one email a day), OFF (in-app only). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    mode: text('mode').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export const jobs = pgTable('jobs', {
  name: text('name').primaryKey(),
  schedule: text('schedule').notNull(), // cron expression
  enabled: boolean('enabled').notNull().default(true),
  description: text('description').notNull().default(''),
  lastRunAt: tstz('last_run_at'),
  nextRunAt: tstz('next_run_at'),
  updatedAt: updatedAt(),
});

export const jobRuns = pgTable(
  'job_runs',
  {
    id: id(),
    jobName: text('job_name').notNull(),
    trigger: text('trigger').notNull(), // SCHEDULE | MANUAL
    status: text('status').notNull(), // RUNNING | SUCCEEDED | FAILED
    instance: text('instance').notNull(),
    output: jsonb('output').$type<Record<string, unknown>>(),
    error: text('error'),
    startedAt: tstz('started_at').notNull(),
    finishedAt: tstz('finished_at'),
    triggeredByUserId: uuid('triggered_by_user_id'),
  },
  (t) => [index('job_runs_job_idx').on(t.jobName, t.startedAt)],
);
