import { expect } from 'vitest';
import { failure } from '../helpers';
import { expectDenied, expectNoneOf, type TenantModule } from './world';

const FIELDS = {
  certificateType: 'GOTS',
  body: 'Control Union',
  number: 'R9-CERT',
  issuedOn: '2026-01-01',
  expiresOn: '2028-01-01',
  visibleInTrade: true,
};

/** R9 cases for the certifications module: one per partner-callable procedure. */
export const certificationsTenant: TenantModule = {
  name: 'certifications',
  setup: async (w) => {
    const sellerCert = await w.victimSeller.certifications.create.mutate(FIELDS);
    const buyerCert = await w.victimBuyer.certifications.create.mutate({ ...FIELDS, certificateType: 'BCI' });
    const [branch] = (await w.victimSeller.company.get.query()).branches;
    return { sellerCert: sellerCert.id, buyerCert: buyerCert.id, ...(branch ? { sellerBranch: branch.id } : {}) };
  },
  cases: [
    {
      path: 'certifications.list',
      run: async (w, r) => {
        const page = await w.attacker.certifications.list.query({ pageSize: 100, partnerId: w.victimSellerPartnerId });
        expectNoneOf(page.items, [r.sellerCert, r.buyerCert]);
        expect(page.items.every((c) => c.partnerId === w.attackerPartnerId)).toBe(true);
      },
    },
    {
      path: 'certifications.get',
      run: async (w, r) => {
        await expectDenied(w.attacker.certifications.get.query({ id: r.sellerCert! }));
        await expectDenied(w.attacker.certifications.get.query({ id: r.buyerCert! }));
      },
    },
    {
      path: 'certifications.create',
      run: async (w, r) => {
        // A certification is always the caller's own; another partner's branch is refused.
        if (r.sellerBranch) {
          const refused = await failure(w.attacker.certifications.create.mutate({ ...FIELDS, branchId: r.sellerBranch }));
          expect(refused.fieldErrors.branchId).toBeDefined();
        }
        const created = await w.attacker.certifications.create.mutate({ ...FIELDS, number: 'R9-OWN' });
        expect(created.partnerId).toBe(w.attackerPartnerId);
        expectNoneOf((await w.victimSeller.certifications.list.query({ pageSize: 100 })).items, [created.id]);
      },
    },
    {
      path: 'certifications.update',
      run: async (w, r) => {
        await expectDenied(
          w.attacker.certifications.update.mutate({ ...FIELDS, id: r.sellerCert!, version: 1, number: 'HACKED' }),
        );
        expect((await w.victimSeller.certifications.get.query({ id: r.sellerCert! })).number).toBe(FIELDS.number);
      },
    },
    {
      path: 'certifications.setVisibleInTrade',
      run: async (w, r) => {
        await expectDenied(w.attacker.certifications.setVisibleInTrade.mutate({ id: r.buyerCert!, visibleInTrade: false }));
        expect((await w.victimBuyer.certifications.get.query({ id: r.buyerCert! })).visibleInTrade).toBe(true);
      },
    },
  ],
};
