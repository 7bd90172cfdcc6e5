import { expect } from 'vitest';
import { expectDenied, type TenantModule } from './world';

/** R9 cases for the kyc module: one per partner-callable procedure. */
export const kycTenant: TenantModule = {
  name: 'kyc',
  setup: async (w) => {
    const doc = await w.victimBuyer.documents.createUpload.mutate({
      ownerType: 'KYC',
      ownerId: w.victimBuyerPartnerId,
      kind: 'ADDRESS_PROOF',
    });
    return { kycDocument: doc.documentId };
  },
  cases: [
    {
      path: 'kyc.status',
      run: async (w) => {
        expect((await w.attacker.kyc.status.query()).partnerId).toBe(w.attackerPartnerId);
      },
    },
    {
      path: 'kyc.history',
      run: async (w) => {
        await expectDenied(w.attacker.kyc.history.query({ partnerId: w.victimBuyerPartnerId }));
        const own = await w.attacker.kyc.history.query({});
        expect(own.every((r) => r.partnerId === w.attackerPartnerId)).toBe(true);
      },
    },
    {
      path: 'kyc.submitRenewal',
      run: async (w, r) => {
        await expectDenied(w.attacker.kyc.submitRenewal.mutate({ documentIds: [r.kycDocument!] }));
        expect(await w.victimBuyer.kyc.history.query({})).toEqual([]);
      },
    },
  ],
};
