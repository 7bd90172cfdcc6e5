/**
 * Trade-desk subscriptions. Every event passes canReceive (audience) AND, for the negotiation
 * room and the personal feed, a fresh party check: a user removed from the partner or whose
 * sub-user branches no longer cover the record stops receiving. The check reads the caller's
 * current user row through a short cache so a busy room does not query on every event.
 */
import { users } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { Actor, Deps } from '../../context';
import { canReceive } from '../../realtime/audience';
import type { EventRow } from '../../realtime/bus';
import { streamEvents } from '../../realtime/stream';
import { BACK_OFFICE_TOPIC, FEED_TOPIC, offerTopic } from './events';
import { offerWithTrade } from './offer-read';
import { branchAllowed, canReadOffer } from './scope';

const RECHECK_MS = 2_000;

type Membership = { partnerId: string | null; branchIds: string[] | null; active: boolean };

/** The caller's current partner and branches, re-read at most every RECHECK_MS. */
function membership(deps: Deps, actor: Actor): () => Promise<Membership> {
  let cached: Membership | null = null;
  let at = 0;
  return async () => {
    if (cached && Date.now() - at < RECHECK_MS) return cached;
    const [u] = await deps.db
      .select({ partnerId: users.partnerId, branchIds: users.branchIds, status: users.status })
      .from(users)
      .where(eq(users.id, actor.userId));
    cached = {
      partnerId: u?.partnerId ?? null,
      branchIds: actor.isPrimary ? null : (u?.branchIds ?? null),
      active: u?.status === 'ACTIVE',
    };
    at = Date.now();
    return cached;
  };
}

function current(actor: Actor, m: Membership): Actor {
  return { ...actor, partnerId: actor.kind === 'PARTNER' ? m.partnerId : actor.partnerId, branchIds: m.branchIds };
}

async function* guarded(
  deps: Deps,
  actor: Actor,
  topic: string,
  lastEventId: number | null,
  signal: AbortSignal | undefined,
  allowed: (a: Actor, e: EventRow) => boolean,
) {
  const who = membership(deps, actor);
  // streamEvents' accept is synchronous: the membership is refreshed before each item is delivered.
  let me = current(actor, await who());
  const stream = streamEvents({
    db: deps.db,
    bus: deps.bus,
    topic,
    lastEventId,
    signal,
    accept: (e) => me !== null && allowed(me, e),
  });
  const refresh = setInterval(() => {
    void who().then((m) => {
      me = current(actor, m);
      if (!m.active) me = { ...me, partnerId: null, kind: 'PARTNER', capabilities: new Set() };
    });
  }, RECHECK_MS);
  try {
    yield* stream;
  } finally {
    clearInterval(refresh);
  }
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
