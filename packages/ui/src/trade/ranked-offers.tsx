import type { RouterOutputs } from '@kapas/client';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { formatBales, formatPricePerCandy } from './format';
import type { Side } from './negotiation';
import { TurnIndicator } from './negotiation';
import { ScoreBadge, ScoreBreakdown } from './score';
import { humanizeState, StateBadge } from './status';

type RankedOffer = RouterOutputs['trades']['get']['offers'][number];

export type RankedOffersProps = {
  offers: RankedOffer[];
  /** Whose turn reads as "yours": the viewer's side, or null for staff who are neither party. */
  mySide: Side | null;
  /** The back office also sees each offer's version. */
  showVersion?: boolean;
  /** The offer number as a link into the app's own router (this package has none). */
  offerLink: (offer: RankedOffer) => ReactNode;
};

/** A trade's offers, best score first (DOMAIN §6.4), each with its state, whose turn and why it scored so. */
export function RankedOffers({ offers, ...item }: RankedOffersProps) {
  return (
    <ol className="divide-y divide-slate-100" aria-label="Ranked offers" data-testid="ranked-offers">
      {offers.map((o) => (
        <RankedOfferItem key={o.id} offer={o} {...item} />
      ))}
    </ol>
  );
}

function RankedOfferItem({ offer, mySide, showVersion, offerLink }: Omit<RankedOffersProps, 'offers'> & { offer: RankedOffer }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="px-4 py-3" data-testid={`ranked-offer-${offer.number}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-5 text-right text-sm text-slate-400 tabular-nums">{offer.rank ?? '–'}</span>
        {offer.score !== null ? <ScoreBadge score={offer.score} {...(offer.label ? { label: offer.label } : {})} /> : null}
        {offerLink(offer)}
        <span className="text-sm text-slate-700 tabular-nums">
          {formatBales(offer.quantity)} at {formatPricePerCandy(offer.price)}
        </span>
        {offer.sellerName ? <span className="text-sm text-slate-500">{offer.sellerName}</span> : null}
        {showVersion ? <span className="text-xs text-slate-400">v{offer.version}</span> : null}
        {offer.excludedReasons.length ? (
          <span className="text-xs text-red-700">No longer matches: {offer.excludedReasons.map(humanizeState).join(', ')}</span>
        ) : null}
        <span className="ml-auto flex items-center gap-2">
          <StateBadge state={offer.status} />
          <TurnIndicator turn={offer.turn} mySide={mySide} status={offer.status} />
        </span>
      </div>
      {offer.breakdown ? (
        <>
          <button
            type="button"
            className="mt-2 ml-8 inline-flex items-center gap-1 text-xs font-medium text-slate-600 hover:text-slate-900"
            aria-expanded={open}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? <ChevronDown className="size-3" aria-hidden /> : <ChevronRight className="size-3" aria-hidden />}
            Why this score
          </button>
          {open ? (
            <div className="mt-2 ml-8">
              <ScoreBreakdown breakdown={offer.breakdown} parameters={offer.deviations} />
            </div>
          ) : null}
        </>
      ) : null}
    </li>
  );
}
