import { expect } from 'vitest';
import { expectDenied, expectNoneOf, type TenantModule } from './world';

const BUYER_CONTACT = {
  name: 'Buyer Accounts',
  designation: null,
  email: 'accounts@saurashtra-mills.example',
  mobile: '9824011111',
  isPrimary: true,
};
const BUYER_PROFILE = {
  legalName: 'Saurashtra Spinning Mills Pvt Ltd',
  tradeName: 'Saurashtra Mills Pending',
  pan: 'AABCS1234K',
  gstin: '24AABCS1234K1ZM',
  cin: null,
  tan: null,
};

/** R9 cases for the partners module: one per partner-callable procedure. */
export const partnersTenant: TenantModule = {
  name: 'partners',
  setup: async (w) => {
    // An applied (contact) change and a pending (trade name) change, both the buyer's.
    const applied = await w.victimBuyer.company.proposeChange.mutate({ contacts: [BUYER_CONTACT] });
    const pending = await w.victimBuyer.company.proposeChange.mutate({ profile: BUYER_PROFILE });
    return { applied: applied.id, pending: pending.id };
  },
  cases: [
    {
      path: 'company.get',
      run: async (w) => {
        const own = await w.attacker.company.get.query();
        expect(own.partner.id).toBe(w.attackerPartnerId);
        expect(own.contacts.map((c) => c.email)).not.toContain(BUYER_CONTACT.email);
        expect([...own.branches, ...own.bankAccounts, ...own.contacts].every((r) => r.partnerId === w.attackerPartnerId)).toBe(
          true,
        );
      },
    },
    {
      path: 'company.proposeChange',
      run: async (w, r) => {
        // There is no partner id to aim with: a proposal always lands on the caller's own partner.
        const mine = await w.attacker.company.proposeChange.mutate({
          contacts: [{ ...BUYER_CONTACT, email: 'desk@deccan-cotton.example', mobile: '9848022222' }],
        });
        expect(mine.partnerId).toBe(w.attackerPartnerId);
        const victim = await w.victimBuyer.company.get.query();
        expect(victim.contacts.map((c) => c.email)).toEqual([BUYER_CONTACT.email]);
        expect(victim.openChangeRequests.map((c) => c.id)).toEqual([r.pending]);
      },
    },
    {
      path: 'changeRequests.mine',
      run: async (w, r) => {
        const mine = await w.attacker.changeRequests.mine.query({ pageSize: 100 });
        expectNoneOf(mine.items, [r.applied, r.pending]);
        expect(mine.items.every((c) => c.partnerId === w.attackerPartnerId)).toBe(true);
      },
    },
    {
      path: 'changeRequests.cancel',
      run: async (w, r) => {
        await expectDenied(w.attacker.changeRequests.cancel.mutate({ id: r.pending! }));
        await expectDenied(w.attacker.changeRequests.cancel.mutate({ id: r.applied! }));
        const still = await w.admin.changeRequests.get.query({ id: r.pending! });
        expect(still.status).toBe('PENDING');
      },
    },
  ],
};
