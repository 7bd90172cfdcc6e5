import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from './columns';
import { partners, users } from './identity';

/** The parts of the partner aggregate (DOMAIN §4). Every row carries partner_id for the tenant filter. */

export const partnerAddresses = pgTable(
  'partner_addresses',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    kind: text('kind').notNull(), // REGISTERED | SHIP_TO
    label: text('label'),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    stateCode: text('state_code').notNull(),
    pincode: text('pincode').notNull(),
    stationId: uuid('station_id'),
    createdAt: createdAt(),
  },
  (t) => [index('partner_addresses_partner_idx').on(t.partnerId)],
);

export const branches = pgTable(
  'branches',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    isHeadOffice: boolean('is_head_office').notNull().default(false),
    gstin: text('gstin'),
    stateCode: text('state_code').notNull(),
    line1: text('line1').notNull(),
    city: text('city').notNull(),
    pincode: text('pincode').notNull(),
    stationId: uuid('station_id'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('branches_partner_code').on(t.partnerId, t.code),
    uniqueIndex('branches_one_head_office').on(t.partnerId).where(sql`${t.isHeadOffice}`),
  ],
);

export const bankAccounts = pgTable(
  'bank_accounts',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    accountName: text('account_name').notNull(),
    accountNumber: text('account_number').notNull(),
    ifsc: text('ifsc').notNull(),
    bankName: text('bank_name').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    verifiedAt: tstz('verified_at'),
    createdAt: createdAt(),
  },
  (t) => [index('bank_accounts_partner_idx').on(t.partnerId)],
);

export const partnerContacts = pgTable(
  'partner_contacts',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    name: text('name').notNull(),
    designation: text('designation'),
    email: text('email').notNull(),
    mobile: text('mobile').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    emailVerifiedAt: tstz('email_verified_at'),
    mobileVerifiedAt: tstz('mobile_verified_at'),
    createdAt: createdAt(),
  },
  (t) => [index('partner_contacts_partner_idx').on(t.partnerId)],
);

/** Self-service and assisted applications: the wizard's progress and the applicant's resume secret. */
export const onboardingApplications = pgTable(
  'onboarding_applications',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .unique()
      .references(() => partners.id),
    /** SHA-256 of the resume token given to a self-service applicant (null for assisted drafts). */
    resumeTokenHash: text('resume_token_hash').unique(),
    applicantName: text('applicant_name').notNull(),
    applicantEmail: text('applicant_email').notNull(),
    applicantMobile: text('applicant_mobile').notNull(),
    emailVerifiedAt: tstz('email_verified_at'),
    mobileVerifiedAt: tstz('mobile_verified_at'),
    step: text('step').notNull().default('company'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('onboarding_applications_email_idx').on(t.applicantEmail)],
);

/** Full snapshots of the partner aggregate, one per approved change (DOMAIN §4 change requests). */
export const partnerVersions = pgTable(
  'partner_versions',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changeRequestId: uuid('change_request_id'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [unique('partner_versions_partner_version').on(t.partnerId, t.version)],
);

export const changeRequests = pgTable(
  'change_requests',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id),
    /** field path → { from, to } */
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    riskScore: integer('risk_score').notNull(),
    route: text('route').notNull(), // AUTO | APPROVAL
    status: text('status').notNull().default('PENDING'), // PENDING | APPROVED | REJECTED | CANCELLED
    baseVersion: integer('base_version').notNull(),
    approvalRequestId: uuid('approval_request_id'),
    reason: text('reason'),
    decidedAt: tstz('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [index('change_requests_partner_idx').on(t.partnerId, t.createdAt)],
);

/**
 * A document slot (e.g. the partner's PAN card, a certificate's scan, a lot's lab report); its
 * files are `document_versions`. `partner_id` is the owning partner, used for the tenant rule.
 * One slot per owner and kind: the unique index lets simultaneous first uploads converge on one
 * (INSERT … ON CONFLICT DO NOTHING); its key columns are NOT NULL, so NULLs cannot slip past it.
 */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    partnerId: uuid('partner_id').references(() => partners.id),
    ownerType: text('owner_type').notNull(), // PARTNER | CERTIFICATION | KYC | LOT
    ownerId: uuid('owner_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('PENDING'), // PENDING | VERIFIED | REJECTED
    currentVersion: integer('current_version').notNull().default(0),
    notes: text('notes'),
    verifiedByUserId: uuid('verified_by_user_id'),
    verifiedAt: tstz('verified_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Also serves lookups by owner alone (leftmost columns), which the former documents_owner_idx did.
    uniqueIndex('documents_slot_unique').on(t.ownerType, t.ownerId, t.kind),
    index('documents_partner_idx').on(t.partnerId),
  ],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    version: integer('version').notNull(),
    /** Random key chosen by the server; the uploaded file name is never part of it. */
    storageKey: text('storage_key').notNull().unique(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** Display only, sanitised. */
    fileName: text('file_name').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [unique('document_versions_doc_version').on(t.documentId, t.version)],
);

/** A one-time permission to stream one file into one document, issued by the API after its access check. */
export const uploadIntents = pgTable('upload_intents', {
  id: id(),
  tokenHash: text('token_hash').notNull().unique(),
  documentId: uuid('document_id')
    .notNull()
    .references(() => documents.id),
  /** The user it was issued to; null for an onboarding applicant, who has no account yet (the token is the authority). */
  userId: uuid('user_id'),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
  createdAt: createdAt(),
});

export const certifications = pgTable(
  'certifications',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    branchId: uuid('branch_id'),
    certificateType: text('certificate_type').notNull(),
    body: text('body').notNull(),
    number: text('number').notNull(),
    productScope: text('product_scope'),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    documentId: uuid('document_id'),
    visibleInTrade: boolean('visible_in_trade').notNull().default(true),
    status: text('status').notNull().default('PENDING_VERIFICATION'),
    statusNote: text('status_note'),
    verifiedByUserId: uuid('verified_by_user_id'),
    verifiedAt: tstz('verified_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('certifications_partner_idx').on(t.partnerId), index('certifications_status_idx').on(t.status, t.expiresOn)],
);

export const kycRecords = pgTable(
  'kyc_records',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    kind: text('kind').notNull().default('RENEWAL'), // ONBOARDING | RENEWAL
    status: text('status').notNull().default('SUBMITTED'), // SUBMITTED | VERIFIED | REJECTED
    documentIds: jsonb('document_ids').$type<string[]>().notNull().default([]),
    notes: text('notes'),
    submittedByUserId: uuid('submitted_by_user_id'),
    verifiedByUserId: uuid('verified_by_user_id'),
    verifiedAt: tstz('verified_at'),
    dueAt: tstz('due_at'),
    createdAt: createdAt(),
  },
  (t) => [index('kyc_records_partner_idx').on(t.partnerId, t.createdAt)],
);

/** One reminder of a kind per subject per day (KYC, certification expiry): the unique key enforces it. */
export const reminderLog = pgTable(
  'reminder_log',
  {
    id: id(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    kind: text('kind').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('reminder_log_once_a_day').on(t.subjectType, t.subjectId, t.kind, t.sentOn)],
);
