import { type DbOrTx, documents, documentVersions, partners } from '@kapas/db';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { offsetOf, type Page } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { assertCanRead, loadOwner, type OwnerType } from './ownership';
import { signedFilePath } from './rules/link-signature';
import type {
  documentQueueInput,
  downloadLinkInput,
  listDocumentsInput,
  rejectDocumentInput,
  verifyDocumentInput,
} from './schemas';
import { DOCUMENTS_TOPIC } from './upload';

type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };
type DocumentRow = typeof documents.$inferSelect;
type VersionRow = typeof documentVersions.$inferSelect;

const versionView = (v: VersionRow) => ({
  id: v.id,
  version: v.version,
  mimeType: v.mimeType,
  sizeBytes: v.sizeBytes,
  sha256: v.sha256,
  fileName: v.fileName,
  createdAt: v.createdAt,
});

async function versionsOf(db: DbOrTx, documentIds: string[]) {
  if (documentIds.length === 0) return new Map<string, ReturnType<typeof versionView>[]>();
  const rows = await db
    .select()
    .from(documentVersions)
    .where(inArray(documentVersions.documentId, documentIds))
    .orderBy(desc(documentVersions.version));
  const byDoc = new Map<string, ReturnType<typeof versionView>[]>();
  for (const r of rows) byDoc.set(r.documentId, [...(byDoc.get(r.documentId) ?? []), versionView(r)]);
  return byDoc;
}

/** Documents of one record with their versions (newest first). */
export async function listDocuments(deps: Deps, actor: Actor, input: z.infer<typeof listDocumentsInput>) {
  const owner = await loadOwner(deps.db, input.ownerType, input.ownerId);
  assertCanRead(actor, owner);
  const rows = await deps.db
    .select()
    .from(documents)
    .where(and(eq(documents.ownerType, owner.type), eq(documents.ownerId, owner.id)))
    .orderBy(asc(documents.createdAt));
  const versions = await versionsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((d) => ({ ...documentView(d), versions: versions.get(d.id) ?? [] }));
}

function documentView(d: DocumentRow) {
  return {
    id: d.id,
    partnerId: d.partnerId,
    ownerType: d.ownerType as OwnerType,
    ownerId: d.ownerId,
    kind: d.kind,
    status: d.status as 'PENDING' | 'VERIFIED' | 'REJECTED',
    currentVersion: d.currentVersion,
    notes: d.notes,
    verifiedAt: d.verifiedAt,
    updatedAt: d.updatedAt,
  };
}

/** A document the caller may read, or NOT_FOUND. */
async function readableDocument(db: DbOrTx, actor: Actor, documentId: string): Promise<DocumentRow> {
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc) throw new DomainError('NOT_FOUND', 'Document not found.');
  const owner = await loadOwner(db, doc.ownerType as OwnerType, doc.ownerId);
  assertCanRead(actor, owner);
  return doc;
}

/** A signed, expiring link to one version (default: the current one). */
export async function downloadLink(deps: Deps, actor: Actor, input: z.infer<typeof downloadLinkInput>) {
  const linkMinutes = await deps.settings.number('document.linkMinutes', 60);
  const doc = await readableDocument(deps.db, actor, input.documentId);
  const wanted = input.version ?? doc.currentVersion;
  const [version] = await deps.db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.version, wanted)));
  if (!version) throw new DomainError('NOT_FOUND', 'This version has not been uploaded.');
  const expiresAt = new Date(deps.clock().getTime() + linkMinutes * 60_000);
  return {
    url: signedFilePath(deps.fileLinkSecret, version.id, expiresAt),
    expiresAt: expiresAt.toISOString(),
    fileName: version.fileName,
  };
}

/** What the signed-link route streams; the signature was checked before. */
export async function fileForDownload(db: DbOrTx, versionId: string) {
  const [row] = await db
    .select({ storageKey: documentVersions.storageKey, mimeType: documentVersions.mimeType, fileName: documentVersions.fileName })
    .from(documentVersions)
    .where(eq(documentVersions.id, versionId));
  return row ?? null;
}

async function decide(o: Origin, documentId: string, version: number, status: 'VERIFIED' | 'REJECTED', notes: string | null) {
  const now = o.deps.clock();
  return transact(o.deps, async (tx) => {
    const [doc] = await tx.select().from(documents).where(eq(documents.id, documentId)).for('update');
    if (!doc) throw new DomainError('NOT_FOUND', 'Document not found.');
    if (doc.currentVersion === 0) throw new DomainError('CONFLICT', 'Nothing has been uploaded yet.', { state: doc.status });
    if (doc.currentVersion !== version) {
      throw new DomainError('STALE_VERSION', `Version ${doc.currentVersion} has been uploaded since; review it instead.`);
    }
    if (doc.status !== 'PENDING') {
      throw new DomainError('CONFLICT', `The document is ${doc.status}; only a PENDING document can be reviewed.`, {
        state: doc.status,
      });
    }
    const [row] = await tx
      .update(documents)
      .set({
        status,
        notes,
        verifiedByUserId: o.actor.userId,
        verifiedAt: now.toISOString(),
        version: doc.version + 1,
        updatedAt: now.toISOString(),
      })
      .where(eq(documents.id, documentId))
      .returning();
    await appendAudit(
      tx,
      { actor: o.actor, meta: o.meta, now },
      {
        action: status === 'VERIFIED' ? 'document.verify' : 'document.reject',
        entityType: 'document',
        entityId: documentId,
        oldValues: { status: doc.status },
        newValues: { status, version, notes },
        partnerId: doc.partnerId,
      },
    );
    if (doc.partnerId) {
      await appendEvent(tx, {
        audience: 'PARTNER',
        audienceId: doc.partnerId,
        topic: DOCUMENTS_TOPIC,
        type: status === 'VERIFIED' ? 'document.verified' : 'document.rejected',
        payload: { documentId, version },
      });
    }
    return documentView(row!);
  });
}

export const verifyDocument = (o: Origin, input: z.infer<typeof verifyDocumentInput>) =>
  decide(o, input.documentId, input.version, 'VERIFIED', input.notes || null);

export const rejectDocument = (o: Origin, input: z.infer<typeof rejectDocumentInput>) =>
  decide(o, input.documentId, input.version, 'REJECTED', input.notes);

/** Staff review queue across partners: documents with at least one upload, oldest first. */
export async function documentQueue(
  deps: Deps,
  input: z.infer<typeof documentQueueInput>,
): Promise<
  Page<ReturnType<typeof documentView> & { partnerName: string | null; latest: ReturnType<typeof versionView> | null }>
> {
  const where = and(
    eq(documents.status, input.status),
    input.ownerType ? eq(documents.ownerType, input.ownerType) : undefined,
    // Only slots that have a file to look at.
    inArray(documents.id, deps.db.select({ id: documentVersions.documentId }).from(documentVersions)),
  );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ doc: documents, partnerName: partners.legalName })
      .from(documents)
      .leftJoin(partners, eq(partners.id, documents.partnerId))
      .where(where)
      .orderBy(asc(documents.updatedAt))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    deps.db.select({ n: count() }).from(documents).where(where),
  ]);
  const versions = await versionsOf(
    deps.db,
    rows.map((r) => r.doc.id),
  );
  return {
    items: rows.map((r) => ({ ...documentView(r.doc), partnerName: r.partnerName, latest: versions.get(r.doc.id)?.[0] ?? null })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
