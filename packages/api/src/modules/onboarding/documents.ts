import { documents, documentVersions } from '@kapas/db';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { createApplicantUpload } from '../documents/upload';
import { assertDraft, resolveApplication } from './resolve';
import type { ApplicationRef } from './schemas';
import type { Caller } from './service';

/** The documents an applicant can attach while the application is a draft (DOMAIN §4). */
export const APPLICATION_DOCUMENT_KINDS = [
  'PAN_CARD',
  'GST_CERTIFICATE',
  'CANCELLED_CHEQUE',
  'AADHAAR',
  'INCORPORATION_CERTIFICATE',
  'ADDRESS_PROOF',
  'TRANSPORTER_DECLARATION',
  'OTHER',
] as const;
export const applicationDocumentKind = z.enum(APPLICATION_DOCUMENT_KINDS);

/** A one-time upload link for one of the draft's documents; the file then streams to /uploads/<token>. */
export async function createApplicationUpload(c: Caller, ref: ApplicationRef, kind: z.infer<typeof applicationDocumentKind>) {
  const { partner } = await resolveApplication(c.deps.db, c.actor, ref);
  assertDraft(partner);
  return createApplicantUpload(c.deps, c.meta, c.actor, partner.id, kind);
}

/** The draft's documents with their latest file, for the wizard's documents step and review. */
export async function applicationDocuments(c: Caller, ref: ApplicationRef) {
  const { partner } = await resolveApplication(c.deps.db, c.actor, ref);
  const rows = await c.deps.db
    .select({
      id: documents.id,
      kind: documents.kind,
      status: documents.status,
      version: documentVersions.version,
      fileName: documentVersions.fileName,
      sizeBytes: documentVersions.sizeBytes,
      uploadedAt: documentVersions.createdAt,
    })
    .from(documents)
    .innerJoin(
      documentVersions,
      and(eq(documentVersions.documentId, documents.id), eq(documentVersions.version, documents.currentVersion)),
    )
    .where(and(eq(documents.ownerType, 'PARTNER'), eq(documents.ownerId, partner.id)))
    .orderBy(desc(documentVersions.createdAt));
  return rows;
}
