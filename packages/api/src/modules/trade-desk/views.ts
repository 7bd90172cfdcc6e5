/** What the trade-desk procedures return: rows with ISO times and the derived fields screens need. */
import type { contracts, lots, offers, offerVersions, trades } from '@kapas/db';
import { iso } from './origin';
import { Dec, quantity } from './rules/decimal';

type TradeRow = typeof trades.$inferSelect;
type LotRow = typeof lots.$inferSelect;
type OfferRow = typeof offers.$inferSelect;
type VersionRow = typeof offerVersions.$inferSelect;
type ContractRow = typeof contracts.$inferSelect;

export type TradeView = Omit<TradeRow, 'validUntil' | 'postedAt' | 'createdAt' | 'updatedAt'> & {
  validUntil: string;
  postedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Bales still open (quantity − allocated). */
  remaining: string;
  commodityName: string | null;
  buyerName: string | null;
};

export function tradeView(t: TradeRow, names: { commodity?: string | null; buyer?: string | null } = {}): TradeView {
  return {
    ...t,
    validUntil: iso(t.validUntil),
    postedAt: iso(t.postedAt),
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    remaining: quantity(new Dec(t.quantity).minus(t.allocated)),
    commodityName: names.commodity ?? null,
    buyerName: names.buyer ?? null,
  };
}

export type LotView = Omit<LotRow, 'validUntil' | 'createdAt' | 'updatedAt'> & {
  validUntil: string;
  createdAt: string;
  updatedAt: string;
};

export function lotView(l: LotRow): LotView {
  return { ...l, validUntil: iso(l.validUntil), createdAt: iso(l.createdAt), updatedAt: iso(l.updatedAt) };
}

export type OfferView = Omit<OfferRow, 'validUntil' | 'lastActivityAt' | 'createdAt' | 'updatedAt' | 'turn'> & {
  validUntil: string;
  lastActivityAt: string;
  createdAt: string;
  updatedAt: string;
  /** The side expected to act next; null once closed. */
  turn: 'BUYER' | 'SELLER' | null;
};

export function offerView(o: OfferRow): OfferView {
  const live = o.status === 'PENDING' || o.status === 'COUNTERED';
  return {
    ...o,
    turn: live ? (o.turn as 'BUYER' | 'SELLER') : null,
    validUntil: iso(o.validUntil),
    lastActivityAt: iso(o.lastActivityAt),
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
  };
}

export type OfferVersionView = Omit<VersionRow, 'validUntil' | 'createdAt'> & {
  validUntil: string;
  createdAt: string;
  /** Made by back-office staff acting for `side` (negotiation:act-for), not by the party's own user. */
  actedByStaff: boolean;
};

/** `actorKind` is the acting user's kind (BACK_OFFICE | PARTNER), null for the expiry sweep. */
export function versionView(v: VersionRow, actorKind: string | null): OfferVersionView {
  return { ...v, validUntil: iso(v.validUntil), createdAt: iso(v.createdAt), actedByStaff: actorKind === 'BACK_OFFICE' };
}

export type ContractView = Omit<ContractRow, 'createdAt'> & { createdAt: string };

export function contractView(c: ContractRow): ContractView {
  return { ...c, createdAt: iso(c.createdAt) };
}
