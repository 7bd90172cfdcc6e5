import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Schema } from './client';
import { migrate, migrationsFolder } from './migrate';
import { certifications, documents, documentVersions, kycRecords, lots, uploadIntents, users } from './schema';
import { seed } from './seed';
import { openFreshDatabase } from './testing';

/**
 * 0005 adds the unique document slot index. A database that already holds duplicate slots (two
 * simultaneous first uploads before the index) must still migrate: the duplicates are merged into
 * the oldest slot with every file version and reference kept.
 */
let h: DatabaseHandle;

/** A copy of the migrations folder that stops at 0004, to build a database as it was before 0005. */
async function foldersUpTo0004(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kapas-migrations-'));
  await mkdir(join(dir, 'meta'));
  const journal = JSON.parse(await readFile(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  journal.entries = journal.entries.filter((e) => e.idx <= 4);
  await writeFile(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) await copyFile(join(migrationsFolder, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  return dir;
}

async function migrateWith(handle: DatabaseHandle, folder: string) {
  if (handle.kind === 'pglite') await migratePglite(handle.db as PgliteDatabase<Schema>, { migrationsFolder: folder });
  else await migratePostgres(handle.db as PostgresJsDatabase<Schema>, { migrationsFolder: folder });
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 10, minute)).toISOString();
let n = 0;
const file = (documentId: string, version: number, minute: number) => ({
  documentId,
  version,
  storageKey: `documents/key-${++n}.bin`,
  mimeType: 'application/pdf',
  sizeBytes: 100,
  sha256: 'a'.repeat(64),
  fileName: `f${n}.pdf`,
  createdAt: at(minute),
});

type Ids = { pan: string[]; cert: string[]; lot: string[]; single: string; certId: string; lotId: string; partnerId: string };
let ids: Ids;

beforeAll(async () => {
  h = await openFreshDatabase();
  await migrateWith(h, await foldersUpTo0004());
  await seed(h.db, { demo: true });
  const db = h.db;
  const [seller] = await db.select().from(users).where(eq(users.email, 'seller@vidarbha-ginning.example'));
  const partnerId = seller!.partnerId!;
  const [lot] = await db.select().from(lots).limit(1);
  const [cert] = await db
    .insert(certifications)
    .values({
      partnerId,
      certificateType: 'ORGANIC',
      body: 'Control Union',
      number: 'CU-1',
      issuedOn: '2025-06-01',
      expiresOn: '2027-06-01',
    })
    .returning();

  const slot = async (ownerType: string, ownerId: string, kind: string, minute: number, extra = {}) =>
    (
      await db
        .insert(documents)
        .values({ partnerId, ownerType, ownerId, kind, createdAt: at(minute), ...extra })
        .returning({ id: documents.id })
    )[0]!.id;
  // Three PAN card slots for one partner. Files in time order: s1 v1, s2 v1, s3 v1, s2 v2; s2 got
  // the newest file and was verified.
  const s1 = await slot('PARTNER', partnerId, 'PAN_CARD', 1, { currentVersion: 1 });
  const s2 = await slot('PARTNER', partnerId, 'PAN_CARD', 2, {
    currentVersion: 2,
    status: 'VERIFIED',
    notes: 'Matches the register',
    verifiedAt: at(30),
  });
  const s3 = await slot('PARTNER', partnerId, 'PAN_CARD', 3, { currentVersion: 1 });
  await db.insert(documentVersions).values([file(s1, 1, 5), file(s2, 1, 6), file(s3, 1, 7), file(s2, 2, 8)]);
  await db.insert(uploadIntents).values({ tokenHash: 'h1', documentId: s3, expiresAt: at(50) });
  // Two certificate slots; the certification points at the younger one. Neither has a file.
  const c1 = await slot('CERTIFICATION', cert!.id, 'CERTIFICATE', 10);
  const c2 = await slot('CERTIFICATION', cert!.id, 'CERTIFICATE', 11);
  await db.update(certifications).set({ documentId: c2 }).where(eq(certifications.id, cert!.id));
  // Two lab report slots; the lot points at the younger one.
  const l1 = await slot('LOT', lot!.id, 'LAB_REPORT', 12, { currentVersion: 1 });
  const l2 = await slot('LOT', lot!.id, 'LAB_REPORT', 13, { currentVersion: 1 });
  await db.insert(documentVersions).values([file(l1, 1, 14), file(l2, 1, 15)]);
  await db.update(lots).set({ reportDocumentId: l2 }).where(eq(lots.id, lot!.id));
  // An unrelated slot, and a KYC record naming a merged slot, its keeper and the unrelated one.
  const single = await slot('PARTNER', partnerId, 'GST_CERTIFICATE', 20, { currentVersion: 1 });
  await db.insert(documentVersions).values(file(single, 1, 21));
  await db.insert(kycRecords).values({ partnerId, documentIds: [s3, s1, single] });
  ids = { pan: [s1, s2, s3], cert: [c1, c2], lot: [l1, l2], single, certId: cert!.id, lotId: lot!.id, partnerId };

  await migrate(h);
}, 120_000);
afterAll(() => h.close());

const versionsOf = (documentId: string) =>
  h.db
    .select({ version: documentVersions.version, fileName: documentVersions.fileName })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(asc(documentVersions.version));

describe('migration 0005 on a database with duplicate document slots', () => {
  it('keeps the oldest slot of each group and removes the others', async () => {
    const left = await h.db
      .select({ id: documents.id })
      .from(documents)
      .where(inArray(documents.id, [...ids.pan, ...ids.cert, ...ids.lot, ids.single]));
    expect(left.map((d) => d.id).sort()).toEqual([ids.pan[0], ids.cert[0], ids.lot[0], ids.single].sort());
  });

  it('moves every file version to the kept slot, renumbered 1..n in upload order', async () => {
    const [s1] = ids.pan;
    expect((await versionsOf(s1!)).map((v) => v.version)).toEqual([1, 2, 3, 4]);
    // f1: s1 v1, f2: s2 v1, f3: s3 v1, f4: s2 v2 (file names were numbered in insert order).
    expect((await versionsOf(s1!)).map((v) => v.fileName)).toEqual(['f1.pdf', 'f2.pdf', 'f3.pdf', 'f4.pdf']);
    expect((await versionsOf(ids.lot[0]!)).map((v) => v.version)).toEqual([1, 2]);
    expect((await versionsOf(ids.single)).map((v) => v.version)).toEqual([1]);
  });

  it('takes the review state of the slot that received the newest file', async () => {
    const [kept] = await h.db.select().from(documents).where(eq(documents.id, ids.pan[0]!));
    expect(kept).toMatchObject({ currentVersion: 4, status: 'VERIFIED', notes: 'Matches the register', version: 2 });
    const [cert] = await h.db.select().from(documents).where(eq(documents.id, ids.cert[0]!));
    expect(cert).toMatchObject({ currentVersion: 0, status: 'PENDING', version: 1 });
  });

  it('re-points upload links, the certification, the lot and KYC records to the kept slot', async () => {
    const [intent] = await h.db.select().from(uploadIntents).where(eq(uploadIntents.tokenHash, 'h1'));
    expect(intent?.documentId).toBe(ids.pan[0]);
    const [cert] = await h.db.select().from(certifications).where(eq(certifications.id, ids.certId));
    expect(cert?.documentId).toBe(ids.cert[0]);
    const [lot] = await h.db.select().from(lots).where(eq(lots.id, ids.lotId));
    expect(lot?.reportDocumentId).toBe(ids.lot[0]);
    const [kyc] = await h.db.select().from(kycRecords).where(eq(kycRecords.partnerId, ids.partnerId));
    expect([...kyc!.documentIds].sort()).toEqual([ids.pan[0], ids.single].sort());
  });

  it('then enforces one slot per owner and kind', async () => {
    const dup = { partnerId: ids.partnerId, ownerType: 'PARTNER', ownerId: ids.partnerId, kind: 'PAN_CARD' };
    await expect(h.db.insert(documents).values(dup)).rejects.toThrow();
    const pan = await h.db
      .select()
      .from(documents)
      .where(and(eq(documents.ownerType, 'PARTNER'), eq(documents.ownerId, ids.partnerId), eq(documents.kind, 'PAN_CARD')));
    expect(pan).toHaveLength(1);
  });
});
