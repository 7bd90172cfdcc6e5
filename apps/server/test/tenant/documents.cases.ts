import { expect } from 'vitest';
import { expectDenied, type TenantModule } from './world';

/** R9 cases for the documents module: one per partner-callable procedure. */
export const documentsTenant: TenantModule = {
  name: 'documents',
  setup: async (w) => {
    const cert = await w.victimSeller.certifications.create.mutate({
      certificateType: 'ORGANIC',
      body: 'OneCert',
      number: 'R9-DOC-1',
      issuedOn: '2026-01-01',
      expiresOn: '2028-01-01',
      visibleInTrade: true,
    });
    const partnerDoc = await w.victimSeller.documents.createUpload.mutate({
      ownerType: 'PARTNER',
      ownerId: w.victimSellerPartnerId,
      kind: 'PAN_CARD',
    });
    return { certificationId: cert.id, documentId: partnerDoc.documentId };
  },
  cases: [
    {
      path: 'documents.createUpload',
      run: async (w, r) => {
        await expectDenied(
          w.attacker.documents.createUpload.mutate({ ownerType: 'PARTNER', ownerId: w.victimSellerPartnerId, kind: 'OTHER' }),
        );
        await expectDenied(
          w.attacker.documents.createUpload.mutate({ ownerType: 'KYC', ownerId: w.victimBuyerPartnerId, kind: 'OTHER' }),
        );
        await expectDenied(
          w.attacker.documents.createUpload.mutate({
            ownerType: 'CERTIFICATION',
            ownerId: r.certificationId!,
            kind: 'CERTIFICATE',
          }),
        );
      },
    },
    {
      path: 'documents.list',
      run: async (w, r) => {
        await expectDenied(w.attacker.documents.list.query({ ownerType: 'PARTNER', ownerId: w.victimSellerPartnerId }));
        await expectDenied(w.attacker.documents.list.query({ ownerType: 'CERTIFICATION', ownerId: r.certificationId! }));
        const own = await w.attacker.documents.list.query({ ownerType: 'PARTNER', ownerId: w.attackerPartnerId });
        expect(own.every((d) => d.partnerId === w.attackerPartnerId)).toBe(true);
      },
    },
    {
      path: 'documents.downloadLink',
      run: async (w, r) => {
        await expectDenied(w.attacker.documents.downloadLink.mutate({ documentId: r.documentId! }));
        await expectDenied(w.attacker.documents.downloadLink.mutate({ documentId: r.documentId!, version: 1 }));
      },
    },
  ],
};
