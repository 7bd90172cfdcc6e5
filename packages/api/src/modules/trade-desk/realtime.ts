/**
 * Trade-desk subscriptions. Every event passes canReceive (audience) AND, for the negotiation
 * room and the personal feed, the party and branch rules against the subscriber's actor. That
 * actor is never stale: anything that changes it (sub-user branches or permissions, deactivation,
 * a suspended partner, a revoked session) commits an `access.changed` or `session.ended` event
 * that closes the user's sockets, and the client's resubscription is checked afresh (NOT_FOUND
 * for a room it no longer belongs to). So no per-subscriber polling is needed.
 */
import type { Actor, Deps } from '../../context';
import { canReceive } from '../../realtime/audience';
import type { EventRow } from '../../realtime/bus';
import { streamEvents } from '../../realtime/stream';
import { BACK_OFFICE_TOPIC, FEED_TOPIC, offerTopic } from './events';
import { offerWithTrade } from './offer-read';
import { branchAllowed, canReadOffer } from './scope';

function guarded(
  deps: Deps,
  actor: Actor,
  topic: string,
  lastEventId: number | null,
  signal: AbortSignal | undefined,
  allowed: (a: Actor, e: EventRow) => boolean,
) {
  return streamEvents({ db: deps.db, bus: deps.bus, topic, lastEventId, signal, accept: (e) => allowed(actor, e) });
}

export async function* negotiationRoom(
  deps: Deps,
  actor: Actor,
  offerId: string,
  lastEventId: number | null,
  signal: AbortSignal | undefined,
) {
  // Checked at subscribe: NOT_FOUND for anyone who is not a party (or staff with trade:read).
  await offerWithTrade(deps.db, actor, offerId);
  yield* guarded(deps, actor, offerTopic(offerId), lastEventId, signal, (a, e) => {
    if (!canReceive(a, e)) return false;
    const p = e.payload as {
      buyerPartnerId?: string;
      sellerPartnerId?: string;
      sellerBranchId?: string | null;
      tradeBranchId?: string | null;
    };
    return canReadOffer(a, {
      buyerPartnerId: p.buyerPartnerId ?? '',
      sellerPartnerId: p.sellerPartnerId ?? '',
      sellerBranchId: p.sellerBranchId ?? null,
      tradeBranchId: p.tradeBranchId ?? null,
    });
  });
}

export async function* personalFeed(deps: Deps, actor: Actor, lastEventId: number | null, signal: AbortSignal | undefined) {
  yield* guarded(deps, actor, FEED_TOPIC, lastEventId, signal, (a, e) => {
    if (!canReceive(a, e)) return false;
    // Sub-users: only events about records of their branches.
    const p = e.payload as { buyerPartnerId?: string; tradeBranchId?: string | null; sellerBranchId?: string | null };
    if (a.branchIds === null) return true;
    const branch = p.buyerPartnerId === a.partnerId ? p.tradeBranchId : p.sellerBranchId;
    return branch === undefined || branchAllowed(a, branch ?? null);
  });
}

export function backOfficeFeed(deps: Deps, actor: Actor, lastEventId: number | null, signal: AbortSignal | undefined) {
  return streamEvents({
    db: deps.db,
    bus: deps.bus,
    topic: BACK_OFFICE_TOPIC,
    lastEventId,
    signal,
    accept: (e) => canReceive(actor, e),
  });
}
