/** Trade-desk procedures (DOMAIN §6): thin — input schema, one service call. Access rules in access.ts. */
import { procedure, router } from '../../trpc';
import * as bo from './back-office';
import * as stats from './back-office-stats';
import { contractDocument, getContract, myContracts } from './contract-service';
import { getLot, myLots, publishLot, withdrawLot } from './lot-service';
import { acceptOffer } from './offer-accept';
import { counterOffer, rejectOffer, withdrawOffer } from './offer-actions';
import { getOffer, myOffers } from './offer-read';
import { submitOffer } from './offer-submit';
import { quickEntry } from './quick-entry-service';
import { backOfficeFeed, negotiationRoom, personalFeed } from './realtime';
import * as s from './schemas';
import { getTrade, myTrades, openForSellers } from './trade-read';
import { cancelTradeService, createTrade, postTrade, updateTrade } from './trade-service';

export const tradesRouter = router({
  create: procedure.input(s.createTradeInput).mutation(({ ctx, input }) => createTrade(ctx, input)),
  update: procedure.input(s.updateTradeInput).mutation(({ ctx, input }) => updateTrade(ctx, input)),
  post: procedure.input(s.tradeRefInput).mutation(({ ctx, input }) => postTrade(ctx, input)),
  cancel: procedure.input(s.cancelTradeInput).mutation(({ ctx, input }) => cancelTradeService(ctx, input)),
  mine: procedure.input(s.myTradesInput).query(({ ctx, input }) => myTrades(ctx, input)),
  get: procedure.input(s.byIdInput).query(({ ctx, input }) => getTrade(ctx, input)),
  openForSellers: procedure.input(s.openTradesInput).query(({ ctx, input }) => openForSellers(ctx, input)),
  parseQuickEntry: procedure.input(s.quickEntryInput).query(({ ctx, input }) => quickEntry(ctx, input)),
});

export const lotsRouter = router({
  publish: procedure.input(s.publishLotInput).mutation(({ ctx, input }) => publishLot(ctx, input)),
  mine: procedure.input(s.myLotsInput).query(({ ctx, input }) => myLots(ctx, input)),
  get: procedure.input(s.byIdInput).query(({ ctx, input }) => getLot(ctx, input)),
  withdraw: procedure.input(s.withdrawLotInput).mutation(({ ctx, input }) => withdrawLot(ctx, input)),
});

export const offersRouter = router({
  submit: procedure.input(s.submitOfferInput).mutation(({ ctx, input }) => submitOffer(ctx, input)),
  counter: procedure.input(s.counterOfferInput).mutation(({ ctx, input }) => counterOffer(ctx, input)),
  accept: procedure.input(s.offerActionInput).mutation(({ ctx, input }) => acceptOffer(ctx, input)),
  reject: procedure.input(s.offerActionInput).mutation(({ ctx, input }) => rejectOffer(ctx, input)),
  withdraw: procedure.input(s.offerActionInput).mutation(({ ctx, input }) => withdrawOffer(ctx, input)),
  get: procedure.input(s.byIdInput).query(({ ctx, input }) => getOffer(ctx, input)),
  mine: procedure.input(s.myOffersInput).query(({ ctx, input }) => myOffers(ctx, input)),
  /** The negotiation room: every version and action of one offer, resumable with lastEventId. */
  onNegotiation: procedure
    .input(s.onNegotiationInput)
    .subscription(({ ctx, input, signal }) =>
      negotiationRoom(ctx.deps, ctx.actor, input.offerId, input.lastEventId ?? null, signal),
    ),
});

export const contractsRouter = router({
  mine: procedure.input(s.myContractsInput).query(({ ctx, input }) => myContracts(ctx, input)),
  get: procedure.input(s.byIdInput).query(({ ctx, input }) => getContract(ctx, input)),
  document: procedure.input(s.byIdInput).query(({ ctx, input }) => contractDocument(ctx, input)),
});

export const tradeDeskRouter = router({
  /** Personal feed: offers received/countered/accepted/rejected/expired, trade matched, lot matched. */
  onMyFeed: procedure
    .input(s.onFeedInput)
    .subscription(({ ctx, input, signal }) => personalFeed(ctx.deps, ctx.actor, input.lastEventId ?? null, signal)),
  onBackOffice: procedure
    .input(s.onFeedInput)
    .subscription(({ ctx, input, signal }) => backOfficeFeed(ctx.deps, ctx.actor, input.lastEventId ?? null, signal)),
  summary: procedure.input(s.summaryInput).query(({ ctx, input }) => stats.summary(ctx, input)),
  trades: procedure.input(s.boTradesInput).query(({ ctx, input }) => bo.listTrades(ctx, input)),
  sellerPerformance: procedure.input(s.sellerPerformanceInput).query(({ ctx, input }) => stats.sellerPerformance(ctx, input)),
  alerts: procedure.query(({ ctx }) => bo.alerts(ctx)),
  forceMatch: procedure.input(s.inviteSellersInput).mutation(({ ctx, input }) => bo.notifySellers(ctx, input, 'trade.matched')),
  inviteSeller: procedure.input(s.inviteSellersInput).mutation(({ ctx, input }) => bo.notifySellers(ctx, input, 'trade.invited')),
});
