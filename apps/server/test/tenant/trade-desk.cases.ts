import type { KapasClient } from '@kapas/client';
import { branches } from '@kapas/db';
import { expect } from 'vitest';
import { failure } from '../helpers';
import { loadMasters, lotInput, type Masters, newKey, tradeInput, tradeUpdateInput } from '../trade-desk-fixtures';
import { expectDenied, expectNoneOf, type TenantModule, type TenantWorld, type VictimRecords } from './world';

let m: Masters;

const offerTo = (client: KapasClient, tradeId: string, over: Record<string, unknown> = {}) =>
  client.offers.submit.mutate({
    tradeId,
    price: '52000',
    quantity: '100',
    stationId: m.akola,
    idempotencyKey: newKey('r9'),
    ...over,
  });

/** Subscribes and resolves with the first error, or null if none arrives within the wait. */
function subscribeError(start: (handlers: { onError: (e: unknown) => void }) => { unsubscribe(): void }, ms = 1_500) {
  return new Promise<unknown>((resolve) => {
    const sub = start({ onError: resolve });
    setTimeout(() => {
      sub.unsubscribe();
      resolve(null);
    }, ms);
  });
}

const victimIds = (r: VictimRecords) => [r.draftTradeId, r.postedTradeId, r.agreedTradeId];

/** R9 cases for the trade desk: the Deccan TRADER (attacker) against the Saurashtra buyer's and Vidarbha seller's records. */
export const tradeDeskTenant: TenantModule = {
  name: 'trade-desk',
  setup: async (w: TenantWorld) => {
    m = await loadMasters(w.victimBuyer);
    const [branch] = await w.server.handle.db
      .insert(branches)
      .values({
        partnerId: w.victimBuyerPartnerId,
        code: 'R9',
        name: 'Victim branch',
        stateCode: '24',
        line1: 'Mill road',
        city: 'Rajkot',
        pincode: '360001',
      })
      .returning({ id: branches.id });
    const draft = await w.victimBuyer.trades.create.mutate(tradeInput(m, { post: false }));
    const posted = await w.victimBuyer.trades.create.mutate(tradeInput(m));
    const agreed = await w.victimBuyer.trades.create.mutate(tradeInput(m, { quantity: '100' }));
    const lot = await w.victimSeller.lots.publish.mutate(lotInput(m));
    const offer = await offerTo(w.victimSeller, posted.id, { lotId: lot.id, quantity: '50' });
    const won = await offerTo(w.victimSeller, agreed.id);
    const accepted = await w.victimBuyer.offers.accept.mutate({ offerId: won.id, version: 1, idempotencyKey: newKey('r9') });
    return {
      branchId: branch!.id,
      draftTradeId: draft.id,
      postedTradeId: posted.id,
      agreedTradeId: agreed.id,
      lotId: lot.id,
      offerId: offer.id,
      contractId: accepted.contractId!,
    };
  },
  cases: [
    {
      path: 'trades.create',
      run: async (w, r) => {
        await expectDenied(w.attacker.trades.create.mutate(tradeInput(m, { branchId: r.branchId })));
      },
    },
    {
      path: 'trades.update',
      run: async (w, r) => {
        await expectDenied(w.attacker.trades.update.mutate(tradeUpdateInput(m, { id: r.draftTradeId!, version: 1 })));
      },
    },
    {
      path: 'trades.post',
      run: async (w, r) => {
        await expectDenied(w.attacker.trades.post.mutate({ id: r.draftTradeId!, version: 1 }));
      },
    },
    {
      path: 'trades.cancel',
      run: async (w, r) => {
        await expectDenied(w.attacker.trades.cancel.mutate({ id: r.postedTradeId!, version: 2 }));
      },
    },
    {
      path: 'trades.mine',
      run: async (w, r) => {
        expectNoneOf((await w.attacker.trades.mine.query({ pageSize: 100 })).items, victimIds(r));
      },
    },
    {
      path: 'trades.get',
      run: async (w, r) => {
        await expectDenied(w.attacker.trades.get.query({ id: r.draftTradeId! }));
        await expectDenied(w.attacker.trades.get.query({ id: r.agreedTradeId! }));
        // An open trade is market data, but nobody else's offers or contracts show.
        const market = await w.attacker.trades.get.query({ id: r.postedTradeId! });
        expect(market.view).toBe('MARKET');
        expectNoneOf(market.offers, [r.offerId]);
        expect(market.contracts).toEqual([]);
      },
    },
    {
      path: 'trades.openForSellers',
      run: async (w, r) => {
        const items = (await w.attacker.trades.openForSellers.query({ pageSize: 100 })).items;
        expectNoneOf(items, [r.draftTradeId, r.agreedTradeId]);
        expect(
          items.every((t) => t.myLiveOfferId === null || t.buyerPartnerId !== w.victimBuyerPartnerId || t.id !== r.postedTradeId),
        ).toBe(true);
      },
    },
    {
      path: 'trades.parseQuickEntry',
      run: async (w) => {
        const parsed = await w.attacker.trades.parseQuickEntry.query({ sentence: 'Need 100 bales Shankar-6 delivered Rajkot' });
        expect(parsed.draft.deliveryStationId).toBe(m.rajkot);
      },
    },
    {
      path: 'lots.publish',
      run: async (w, r) => {
        await expectDenied(w.attacker.lots.publish.mutate(lotInput(m, { branchId: r.branchId })));
      },
    },
    {
      path: 'lots.mine',
      run: async (w, r) => {
        expectNoneOf((await w.attacker.lots.mine.query({ pageSize: 100 })).items, [r.lotId]);
      },
    },
    {
      path: 'lots.get',
      run: async (w, r) => {
        await expectDenied(w.attacker.lots.get.query({ id: r.lotId! }));
      },
    },
    {
      path: 'lots.withdraw',
      run: async (w, r) => {
        await expectDenied(w.attacker.lots.withdraw.mutate({ id: r.lotId!, version: 2 }));
      },
    },
    {
      path: 'offers.submit',
      run: async (w, r) => {
        await expectDenied(offerTo(w.attacker, r.postedTradeId!, { lotId: r.lotId }));
        await expectDenied(offerTo(w.attacker, r.draftTradeId!));
      },
    },
    ...(['counter', 'accept', 'reject', 'withdraw'] as const).map((action) => ({
      path: `offers.${action}`,
      run: async (w: TenantWorld, r: VictimRecords) => {
        const base = { offerId: r.offerId!, version: 1, idempotencyKey: newKey('r9') };
        await expectDenied(
          action === 'counter'
            ? w.attacker.offers.counter.mutate({ ...base, price: '1', quantity: '1' })
            : w.attacker.offers[action].mutate(base),
        );
      },
    })),
    {
      path: 'offers.get',
      run: async (w, r) => {
        await expectDenied(w.attacker.offers.get.query({ id: r.offerId! }));
      },
    },
    {
      path: 'offers.mine',
      run: async (w, r) => {
        expectNoneOf((await w.attacker.offers.mine.query({ pageSize: 100 })).items, [r.offerId]);
      },
    },
    {
      path: 'offers.onNegotiation',
      run: async (w, r) => {
        const error = await subscribeError((h) =>
          w.attacker.offers.onNegotiation.subscribe({ offerId: r.offerId!, lastEventId: 0 }, h),
        );
        expect((error as { data?: { code?: string } } | null)?.data?.code).toBe('NOT_FOUND');
      },
    },
    {
      path: 'contracts.mine',
      run: async (w, r) => {
        expectNoneOf((await w.attacker.contracts.mine.query({ pageSize: 100 })).items, [r.contractId]);
      },
    },
    {
      path: 'contracts.get',
      run: async (w, r) => {
        await expectDenied(w.attacker.contracts.get.query({ id: r.contractId! }));
      },
    },
    {
      path: 'contracts.document',
      run: async (w, r) => {
        await expectDenied(w.attacker.contracts.document.query({ id: r.contractId! }));
      },
    },
    {
      path: 'tradeDesk.onMyFeed',
      run: async (w, r) => {
        const seen: { payload: Record<string, unknown> }[] = [];
        const sub = w.attacker.tradeDesk.onMyFeed.subscribe({ lastEventId: 0 }, { onData: (item) => seen.push(item.data) });
        // A live victim event while the attacker listens (the buyer counters its offer).
        await new Promise((resolve) => setTimeout(resolve, 300));
        const current = await w.victimBuyer.offers.get.query({ id: r.offerId! });
        if (current.allowedActions.includes('COUNTER')) {
          await w.victimBuyer.offers.counter.mutate({
            offerId: r.offerId!,
            version: current.offer.version,
            price: '51000',
            quantity: '50',
            idempotencyKey: newKey('r9'),
          });
        }
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        sub.unsubscribe();
        // Posted trades reach matched sellers by design (pre-matching); offers, lots, contracts and drafts never do.
        const victimRecords = new Set([r.offerId, r.lotId, r.contractId, r.draftTradeId]);
        expect(seen.filter((e) => Object.values(e.payload).some((v) => typeof v === 'string' && victimRecords.has(v)))).toEqual(
          [],
        );
        // Sanity: the non-party still gets NOT_FOUND, not a crash, for the victims' negotiation.
        expect((await failure(w.attacker.offers.get.query({ id: r.offerId! }))).code).toBe('NOT_FOUND');
      },
    },
  ],
};
