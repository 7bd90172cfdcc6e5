import { createHash, randomBytes } from 'node:crypto';
import { certifications, type DbOrTx, documents, documentVersions, lots, uploadIntents } from '@kapas/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { assertCanWrite, loadOwner, type Owner } from './ownership';
import type { createUploadInput } from './schemas';

export const DOCUMENTS_TOPIC = 'documents';
const INTENT_MINUTES = 10;
/** Certification documents change only while the certification may be edited. */
const EDITABLE_CERTIFICATION = new Set(['PENDING_VERIFICATION', 'REJECTED']);

type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Step 1 of an upload: the access check happens here, in the API; the answer is a one-time URL
 * (valid 10 minutes, bound to the caller) to which the file is streamed. Only the token's hash is stored.
 */
export async function createUpload(o: Origin, input: z.infer<typeof createUploadInput>) {
  const owner = await loadOwner(o.deps.db, input.ownerType, input.ownerId);
  assertCanWrite(o.actor, owner);
  if (owner.type === 'CERTIFICATION') {
    const [cert] = await o.deps.db
      .select({ status: certifications.status })
      .from(certifications)
      .where(eq(certifications.id, owner.id));
    if (cert && !EDITABLE_CERTIFICATION.has(cert.status)) {
      throw new DomainError('CONFLICT', `The certification is ${cert.status}; its document can no longer be replaced.`, {
        state: cert.status,
      });
    }
  }
  return issueIntent(o.deps, o.meta, o.actor, owner, input.kind);
}

type IntentOwner = Pick<Owner, 'type' | 'id' | 'partnerId'>;

/** Opens (or reuses) the document slot and issues a one-time upload link bound to `actor` (null: an onboarding applicant). */
async function issueIntent(deps: Deps, meta: RequestMeta, actor: Actor | null, owner: IntentOwner, kind: string) {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + INTENT_MINUTES * 60_000).toISOString();
  return transact(deps, async (tx) => {
    const documentId = await openSlot(tx, owner, kind);
    await tx.insert(uploadIntents).values({ tokenHash: hashToken(token), documentId, userId: actor?.userId ?? null, expiresAt });
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'document.upload.start',
        entityType: 'document',
        entityId: documentId,
        newValues: { ownerType: owner.type, ownerId: owner.id, kind: kind },
        partnerId: owner.partnerId,
      },
    );
    return { uploadUrl: `/uploads/${token}`, documentId, expiresAt };
  });
}

/**
 * The slot for this owner and kind, created on first use. Simultaneous first uploads converge on
 * one: the unique index (owner_type, owner_id, kind) turns the loser's insert into a no-op, and it
 * then reads the winner's row (committed by then: READ COMMITTED waits for it).
 */
async function openSlot(tx: DbOrTx, owner: IntentOwner, kind: string): Promise<string> {
  const [created] = await tx
    .insert(documents)
    .values({ partnerId: owner.partnerId, ownerType: owner.type, ownerId: owner.id, kind })
    .onConflictDoNothing({ target: [documents.ownerType, documents.ownerId, documents.kind] })
    .returning({ id: documents.id });
  if (created) {
    if (owner.type === 'CERTIFICATION') {
      await tx
        .update(certifications)
        .set({ documentId: created.id })
        .where(and(eq(certifications.id, owner.id), isNull(certifications.documentId)));
    }
    return created.id;
  }
  const [existing] = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.ownerType, owner.type), eq(documents.ownerId, owner.id), eq(documents.kind, kind)));
  if (!existing) throw new DomainError('CONFLICT', 'The document changed meanwhile. Start the upload again.');
  return existing.id;
}

/**
 * Step 1 for an onboarding applicant, who has no account yet: the onboarding module has already
 * checked the resume token and that the application is still a draft. The link is bound to no user.
 */
export function createApplicantUpload(deps: Deps, meta: RequestMeta, actor: Actor | null, partnerId: string, kind: string) {
  return issueIntent(deps, meta, actor, { type: 'PARTNER', id: partnerId, partnerId }, kind);
}

/**
 * Step 2, before the body is read: consumes the intent (single use) if it is valid, unexpired and
 * was issued to this user. Anything else is NOT_FOUND.
 */
export async function claimUploadIntent(deps: Deps, actor: Actor | null, token: string): Promise<{ documentId: string }> {
  const now = deps.clock().toISOString();
  const [row] = await deps.db
    .update(uploadIntents)
    .set({ usedAt: now })
    .where(
      and(
        eq(uploadIntents.tokenHash, hashToken(token)),
        isNull(uploadIntents.usedAt),
        gt(uploadIntents.expiresAt, now),
        actor ? eq(uploadIntents.userId, actor.userId) : isNull(uploadIntents.userId),
      ),
    )
    .returning({ documentId: uploadIntents.documentId });
  if (!row) throw new DomainError('NOT_FOUND', 'This upload link is not valid any more. Start the upload again.');
  return row;
}

export type StoredUpload = { storageKey: string; mimeType: string; sizeBytes: number; sha256: string; fileName: string };

/** Step 3, after the file is stored: the next version, the document back to PENDING, audit and event, in one transaction. */
export async function recordUploadedVersion(
  o: { deps: Deps; actor: Actor | null; meta: RequestMeta },
  documentId: string,
  file: StoredUpload,
) {
  const now = o.deps.clock();
  return transact(o.deps, async (tx) => {
    const [doc] = await tx.select().from(documents).where(eq(documents.id, documentId)).for('update');
    if (!doc) throw new DomainError('NOT_FOUND', 'Document not found.');
    const version = doc.currentVersion + 1;
    const [row] = await tx
      .insert(documentVersions)
      .values({ documentId, version, ...file, uploadedByUserId: o.actor?.userId ?? null })
      .returning();
    await tx
      .update(documents)
      .set({
        currentVersion: version,
        status: 'PENDING',
        notes: null,
        verifiedByUserId: null,
        verifiedAt: null,
        version: doc.version + 1,
        updatedAt: now.toISOString(),
      })
      .where(eq(documents.id, documentId));
    // A lot is published before its lab report can be uploaded: the first report becomes the lot's.
    if (doc.ownerType === 'LOT' && doc.kind === 'LAB_REPORT') {
      await tx
        .update(lots)
        .set({ reportDocumentId: documentId })
        .where(and(eq(lots.id, doc.ownerId), isNull(lots.reportDocumentId)));
    }
    const summary = {
      documentId,
      versionId: row!.id,
      version,
      mimeType: file.mimeType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      fileName: file.fileName,
    };
    await appendAudit(
      tx,
      { actor: o.actor, meta: o.meta, now },
      { action: 'document.upload', entityType: 'document', entityId: documentId, newValues: summary, partnerId: doc.partnerId },
    );
    if (doc.partnerId) {
      await appendEvent(tx, {
        audience: 'PARTNER',
        audienceId: doc.partnerId,
        topic: DOCUMENTS_TOPIC,
        type: 'document.uploaded',
        payload: { documentId, version },
      });
    }
    return summary;
  });
}
