import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KapasClient } from '@kapas/client';
import { auditLog, documentVersions } from '@kapas/db';
import { LocalDiskStore } from '@kapas/integrations';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELAXED_LIMITS, startTestServer, type TestServer } from '../src/testing';
import { postUpload, signInWithToken, type UploadBody } from './documents-helpers';
import { failure } from './helpers';
import { loadMasters, lotInput } from './trade-desk-fixtures';

type Client = KapasClient;
const tokens = new WeakMap<Client, string>();
const withToken = async (email: string): Promise<Client> => {
  const { client, token } = await signInWithToken(server, email);
  tokens.set(client, token);
  return client;
};
let server: TestServer;
let storageDir: string;
let seller: Client;
let buyer: Client;
let compliance: Client;
let sellerPartnerId: string;

const MAX = 4096;
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'kapas-doc-test-'));
  server = await startTestServer({
    settings: { ...RELAXED_LIMITS, 'document.maxBytes': MAX },
    storage: new LocalDiskStore(storageDir),
  });
  [seller, buyer, compliance] = await Promise.all([
    withToken('seller@vidarbha-ginning.example'),
    withToken('buyer@saurashtra-mills.example'),
    withToken('compliance@kapas.local'),
  ]);
  sellerPartnerId = (await seller.auth.me.query())!.partner!.id;
});
afterAll(() => server.stop());

const post = (client: Client, uploadUrl: string, body: UploadBody, headers: Record<string, string> = {}) =>
  postUpload(server, tokens.get(client)!, uploadUrl, body, headers);

async function uploadAs(client: Client, bytes: Uint8Array, name: string, kind: 'PAN_CARD' | 'OTHER' = 'PAN_CARD') {
  const intent = await client.documents.createUpload.mutate({ ownerType: 'PARTNER', ownerId: sellerPartnerId, kind });
  expect(intent.uploadUrl).toMatch(/^\/uploads\/[\w-]{43}$/);
  return { intent, res: await post(client, intent.uploadUrl, bytes, { 'x-file-name': encodeURIComponent(name) }) };
}

const storedFiles = async () => (await readdir(storageDir, { recursive: true })).filter((f) => f.endsWith('.bin'));
const versionRows = async () => (await server.handle.db.select({ n: count() }).from(documentVersions))[0]!.n;

describe('upload and download through the real server', () => {
  let documentId: string;

  it('stores a PDF under a random key and serves it back through a signed link', async () => {
    const { intent, res } = await uploadAs(seller, PDF, 'PAN card.pdf');
    documentId = intent.documentId;
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      documentId,
      version: 1,
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      fileName: 'PAN card.pdf',
    });
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedFiles()).toEqual([expect.stringMatching(/^documents\/[0-9a-f-]{36}\.bin$/)]);

    const [doc] = await seller.documents.list.query({ ownerType: 'PARTNER', ownerId: sellerPartnerId });
    expect(doc).toMatchObject({ id: documentId, kind: 'PAN_CARD', status: 'PENDING', currentVersion: 1 });
    expect(doc!.versions).toHaveLength(1);

    const link = await seller.documents.downloadLink.mutate({ documentId });
    expect(link.url).toMatch(/^\/files\/[0-9a-f-]{36}\?expires=\d+&sig=[\w-]+$/);
    const file = await fetch(`${server.url}${link.url}`);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain('attachment; filename="PAN card.pdf"');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).toBe('private, no-store');

    // Staff with partner:read may fetch a link too.
    expect((await compliance.documents.downloadLink.mutate({ documentId })).url).toMatch(/^\/files\//);
  });

  it('uses an upload link only once', async () => {
    const intent = await seller.documents.createUpload.mutate({ ownerType: 'PARTNER', ownerId: sellerPartnerId, kind: 'OTHER' });
    expect((await post(seller, intent.uploadUrl, PDF)).status).toBe(201);
    const again = await post(seller, intent.uploadUrl, PDF);
    expect(again.status).toBe(404);
    expect(again.body.error?.code).toBe('NOT_FOUND');
    // Bound to the user it was issued to.
    const other = await seller.documents.createUpload.mutate({ ownerType: 'PARTNER', ownerId: sellerPartnerId, kind: 'OTHER' });
    expect((await post(buyer, other.uploadUrl, PDF)).status).toBe(404);
  });

  it('verifies and rejects (notes required), and a new upload resets the document to PENDING', async () => {
    const queue = await compliance.documents.queue.query({});
    expect(queue.items.map((d) => d.id)).toContain(documentId);
    const verified = await compliance.documents.verify.mutate({ documentId, version: 1 });
    expect(verified.status).toBe('VERIFIED');
    expect((await failure(compliance.documents.verify.mutate({ documentId, version: 1 }))).code).toBe('CONFLICT');
    expect((await failure(seller.documents.verify.mutate({ documentId, version: 1 }))).code).toBe('FORBIDDEN');

    const { res } = await uploadAs(seller, PNG, 'pan-back.png');
    expect(res.body).toMatchObject({ documentId, version: 2, mimeType: 'image/png' });
    const [doc] = (await seller.documents.list.query({ ownerType: 'PARTNER', ownerId: sellerPartnerId })).filter(
      (d) => d.id === documentId,
    );
    expect(doc).toMatchObject({ status: 'PENDING', currentVersion: 2 });
    expect(doc!.versions.map((v) => v.version)).toEqual([2, 1]);

    const noNotes = await failure(compliance.documents.reject.mutate({ documentId, version: 2, notes: '' }));
    expect(noNotes.code).toBe('BAD_REQUEST');
    expect((await failure(compliance.documents.reject.mutate({ documentId, version: 1, notes: 'blurred' }))).code).toBe(
      'STALE_VERSION',
    );
    const rejected = await compliance.documents.reject.mutate({ documentId, version: 2, notes: 'Blurred scan' });
    expect(rejected).toMatchObject({ status: 'REJECTED', notes: 'Blurred scan' });
    const audits = await server.handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, documentId));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['document.upload.start', 'document.upload', 'document.verify', 'document.reject']),
    );
    // Older versions stay downloadable.
    const old = await seller.documents.downloadLink.mutate({ documentId, version: 1 });
    expect((await fetch(`${server.url}${old.url}`)).status).toBe(200);
  });
});

describe('R22: uploads refuse oversize files, wrong types by content and never use names as paths', () => {
  it('answers FILE_TOO_LARGE for a declared oversize body and stores nothing', async () => {
    const [filesBefore, rowsBefore] = [await storedFiles(), await versionRows()];
    const big = new Uint8Array(MAX + 1);
    big.set(PDF);
    const { res } = await uploadAs(seller, big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await versionRows()).toBe(rowsBefore);
  });

  it('counts a streamed body of unknown length and aborts past the limit, leaving no partial file', async () => {
    const [filesBefore, rowsBefore] = [await storedFiles(), await versionRows()];
    const intent = await seller.documents.createUpload.mutate({ ownerType: 'PARTNER', ownerId: sellerPartnerId, kind: 'OTHER' });
    const chunk = new Uint8Array(1500);
    chunk.set(PDF);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(chunk.slice());
        controller.close();
      },
    });
    const res = await post(seller, intent.uploadUrl, stream);
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('FILE_TOO_LARGE');
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await readdir(join(storageDir, 'documents'))).toEqual(
      filesBefore
        .map((f) => f.replace('documents/', ''))
        .flatMap((f) => [f, f.replace('.bin', '.meta.json')])
        .sort(),
    );
    expect(await versionRows()).toBe(rowsBefore);
  });

  it('accepts a PNG named .pdf as a PNG, and refuses an .exe named .pdf', async () => {
    const png = await uploadAs(seller, PNG, 'scan.pdf', 'OTHER');
    expect(png.res.status).toBe(201);
    expect(png.res.body).toMatchObject({ mimeType: 'image/png', fileName: 'scan.png' });

    const [filesBefore, rowsBefore] = [await storedFiles(), await versionRows()];
    const exe = await uploadAs(seller, EXE, 'invoice.pdf', 'OTHER');
    expect(exe.res.status).toBe(415);
    expect(exe.res.body.error?.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await versionRows()).toBe(rowsBefore);
  });

  it('stores files under random keys whatever the name, and keeps a sanitised name for display only', async () => {
    const names: Array<[string, string]> = [
      ['../../etc/passwd', 'passwd.pdf'],
      ['..\\x', 'x.pdf'],
      ['evil\u0000.pdf', 'evil.pdf'],
      ['/absolute/../../root.pdf', 'root.pdf'],
    ];
    for (const [name, shown] of names) {
      const { res } = await uploadAs(seller, PDF, name, 'OTHER');
      expect(res.status).toBe(201);
      expect(res.body.fileName).toBe(shown);
      const [row] = await server.handle.db
        .select({ key: documentVersions.storageKey })
        .from(documentVersions)
        .where(eq(documentVersions.id, res.body.versionId as string));
      expect(row!.key).toMatch(/^documents\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect((await readdir(storageDir)).sort()).toEqual(['documents']);
    for (const f of await storedFiles()) expect(f).toMatch(/^documents\/[0-9a-f-]{36}\.bin$/);
  });
});

describe('download links and the tenant rule', () => {
  it('refuses an expired link and a tampered signature with a bare 403', async () => {
    const [doc] = await seller.documents.list.query({ ownerType: 'PARTNER', ownerId: sellerPartnerId });
    const link = await seller.documents.downloadLink.mutate({ documentId: doc!.id });
    const tampered = link.url.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    const bad = await fetch(`${server.url}${tampered}`);
    expect(bad.status).toBe(403);
    expect(await bad.text()).toBe('');
    const otherExpiry = link.url.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 3600}`);
    expect((await fetch(`${server.url}${otherExpiry}`)).status).toBe(403);

    const realClock = server.deps.clock;
    server.deps.clock = () => new Date(Date.now() + 61 * 60_000); // document.linkMinutes = 60
    try {
      const expired = await fetch(`${server.url}${link.url}`);
      expect(expired.status).toBe(403);
      expect(await expired.text()).toBe('');
    } finally {
      server.deps.clock = realClock;
    }
    expect((await fetch(`${server.url}${link.url}`)).status).toBe(200);
  });

  it("gives another partner NOT_FOUND for the seller's documents", async () => {
    const [doc] = await seller.documents.list.query({ ownerType: 'PARTNER', ownerId: sellerPartnerId });
    expect((await failure(buyer.documents.downloadLink.mutate({ documentId: doc!.id }))).code).toBe('NOT_FOUND');
    expect((await failure(buyer.documents.list.query({ ownerType: 'PARTNER', ownerId: sellerPartnerId }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await failure(buyer.documents.createUpload.mutate({ ownerType: 'PARTNER', ownerId: sellerPartnerId, kind: 'OTHER' })))
        .code,
    ).toBe('NOT_FOUND');
  });

  it('requires a signed-in caller to upload', async () => {
    const intent = await seller.documents.createUpload.mutate({ ownerType: 'PARTNER', ownerId: sellerPartnerId, kind: 'OTHER' });
    const res = await fetch(`${server.url}${intent.uploadUrl}`, { method: 'POST', body: PDF });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });
});

describe('lab reports of tested lots', () => {
  it("links the first uploaded lab report to its lot, and never another partner's", async () => {
    const lot = await seller.lots.publish.mutate(lotInput(await loadMasters(seller)));
    expect(lot.reportDocumentId).toBeNull();
    const intent = await seller.documents.createUpload.mutate({ ownerType: 'LOT', ownerId: lot.id, kind: 'LAB_REPORT' });
    expect((await post(seller, intent.uploadUrl, PDF, { 'x-file-name': 'lab-report.pdf' })).status).toBe(201);
    expect((await seller.lots.get.query({ id: lot.id })).reportDocumentId).toBe(intent.documentId);
    const foreign = await failure(buyer.documents.createUpload.mutate({ ownerType: 'LOT', ownerId: lot.id, kind: 'LAB_REPORT' }));
    expect(foreign.code).toBe('NOT_FOUND');
  });
});
