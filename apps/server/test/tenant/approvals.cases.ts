import { expect } from 'vitest';
import { openRequest, userIdOf } from '../approvals-fixtures';
import { expectDenied, expectNoneOf, type TenantModule } from './world';

/** R9 cases for the approvals module: one per partner-callable procedure. */
export const approvalsTenant: TenantModule = {
  name: 'approvals',
  setup: async (world) => {
    const buyerId = await userIdOf(world.server, 'buyer@saurashtra-mills.example');
    const pending = await openRequest(world.server, {
      type: 'CHANGE_REQUEST',
      subjectType: 'change_request',
      partnerId: world.victimBuyerPartnerId,
      summary: 'Victim change request',
      payload: { changes: { bankAccount: { from: '1', to: '2' } } },
      requestedByUserId: buyerId,
    });
    return { pending: pending.id };
  },
  cases: [
    {
      path: 'approvals.mine',
      async run(world, records) {
        const page = await world.attacker.approvals.mine.query({ pageSize: 100 });
        expectNoneOf(page.items, [records.pending]);
        // The victim does see it: the case would fail if the record were simply missing.
        expect((await world.victimBuyer.approvals.mine.query({ pageSize: 100 })).items.map((r) => r.id)).toContain(
          records.pending,
        );
      },
    },
    {
      path: 'approvals.cancel',
      async run(world, records) {
        await expectDenied(world.attacker.approvals.cancel.mutate({ id: records.pending! }));
        const [row] = (await world.victimBuyer.approvals.mine.query({ pageSize: 100 })).items.filter(
          (r) => r.id === records.pending,
        );
        expect(row?.status).toBe('PENDING');
      },
    },
  ],
};
