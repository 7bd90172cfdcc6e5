import type { KapasClient } from '@kapas/client';
import { documents, documentVersions } from '@kapas/db';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { PDF_BYTES, postUpload, signInWithToken } from './documents-helpers';
import { startApplication } from './onboarding-fixtures';

/**
 * Simultaneous first uploads of one kind for one owner converge on one document slot (the unique
 * index on owner and kind plus INSERT … ON CONFLICT DO NOTHING), whose versions are 1..n.
 */
let server: TestServer;
let seller: KapasClient;
let sellerToken: string;
let sellerPartnerId: string;

const N = 10;

beforeAll(async () => {
  server = await startTestServer();
  ({ client: seller, token: sellerToken } = await signInWithToken(server, 'seller@vidarbha-ginning.example'));
  sellerPartnerId = (await seller.auth.me.query())!.partner!.id;
});
afterAll(() => server.stop());

const slotsOf = (ownerId: string, kind: string) =>
  server.handle.db
    .select()
    .from(documents)
    .where(and(eq(documents.ownerType, 'PARTNER'), eq(documents.ownerId, ownerId), eq(documents.kind, kind)));

const versionNumbers = async (documentId: string) =>
  (
    await server.handle.db
      .select({ version: documentVersions.version })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, documentId))
      .orderBy(asc(documentVersions.version))
  ).map((v) => v.version);

const oneToN = Array.from({ length: N }, (_, i) => i + 1);

describe('concurrent first uploads', () => {
  it(`${N} simultaneous createUpload + uploads of one kind end as one document with ${N} versions`, async () => {
    const intents = await Promise.all(
      oneToN.map(() =>
        seller.documents.createUpload.mutate({ ownerType: 'PARTNER', ownerId: sellerPartnerId, kind: 'GST_CERTIFICATE' }),
      ),
    );
    const ids = new Set(intents.map((i) => i.documentId));
    expect(ids.size).toBe(1);
    const posted = await Promise.all(
      intents.map((i, n) => postUpload(server, sellerToken, i.uploadUrl, PDF_BYTES, { 'x-file-name': `gst-${n}.pdf` })),
    );
    expect(posted.map((p) => p.status)).toEqual(intents.map(() => 201));

    const slots = await slotsOf(sellerPartnerId, 'GST_CERTIFICATE');
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({ id: [...ids][0], currentVersion: N, status: 'PENDING' });
    expect(await versionNumbers(slots[0]!.id)).toEqual(oneToN);
    const listed = await seller.documents.list.query({ ownerType: 'PARTNER', ownerId: sellerPartnerId });
    expect(listed.filter((d) => d.kind === 'GST_CERTIFICATE').map((d) => d.versions.length)).toEqual([N]);
  });

  it('an onboarding applicant’s simultaneous first uploads converge the same way', async () => {
    const { anonymous, ref } = await startApplication(server.url, {
      pan: 'AAACR1111A',
      gstin: '24AAACR1111A1ZH',
      email: 'owner@rajkot-ginning.example',
      mobile: '+919876500001',
      legalName: 'Rajkot Ginning Pvt Ltd',
      code: 'RJK',
    });
    const intents = await Promise.all(oneToN.map(() => anonymous.onboarding.createUpload.mutate({ ref, kind: 'PAN_CARD' })));
    const ids = new Set(intents.map((i) => i.documentId));
    expect(ids.size).toBe(1);
    const posted = await Promise.all(
      intents.map((i) =>
        fetch(`${server.url}${i.uploadUrl}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'pan.pdf' },
          body: PDF_BYTES,
        }),
      ),
    );
    expect(posted.map((p) => p.status)).toEqual(intents.map(() => 201));
    const [slot] = await server.handle.db
      .select()
      .from(documents)
      .where(eq(documents.id, [...ids][0]!));
    expect(slot).toMatchObject({ ownerType: 'PARTNER', kind: 'PAN_CARD', currentVersion: N });
    expect(await slotsOf(slot!.ownerId, 'PAN_CARD')).toHaveLength(1);
    expect(await versionNumbers(slot!.id)).toEqual(oneToN);
  });

  it('the database itself refuses a second slot for the same owner and kind', async () => {
    const values = { partnerId: sellerPartnerId, ownerType: 'PARTNER', ownerId: sellerPartnerId, kind: 'GST_CERTIFICATE' };
    await expect(server.handle.db.insert(documents).values(values)).rejects.toThrow();
    expect(await slotsOf(sellerPartnerId, 'GST_CERTIFICATE')).toHaveLength(1);
  });
});
