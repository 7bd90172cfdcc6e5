import type { RouterOutputs } from '@kapas/api';
import {
  Card,
  EmptyState,
  ErrorState,
  formatBales,
  formatInr,
  formatPricePerCandy,
  humanizeState,
  LoadingState,
  PageHeader,
  ScoreBadge,
  ScoreBreakdown,
  StateBadge,
  TurnIndicator,
  trpc,
} from '@kapas/ui';
import { Link, useParams } from '@tanstack/react-router';
import { ArrowLeft, ChevronDown, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { EMPTY_TRADES_SEARCH } from './search';
import { TradeTerms } from './trade-terms';
import { useTradeLive } from './use-trade-live';

type RankedOffer = RouterOutputs['trades']['get']['offers'][number];
type TradeContract = RouterOutputs['trades']['get']['contracts'][number];

/** One trade as the back office sees it (DOMAIN §6.6): its terms, every offer ranked by score, its contracts. */
export function TradeDeskTradePage() {
  const { id } = useParams({ from: '/app/trade-desk/trades/$id' });
  useTradeLive(id);
  const detail = trpc.trades.get.useQuery({ id });

  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { trade: t, offers, contracts } = detail.data;

  return (
    <div className="mx-auto max-w-7xl">
      <Link
        to="/trade-desk/trades"
        search={EMPTY_TRADES_SEARCH}
        className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" aria-hidden />
        All trades
      </Link>
      <PageHeader
        title={<span data-testid="trade-number">Trade {t.number}</span>}
        description={`${t.buyerName ?? ''} · ${t.commodityName ?? ''} · ${formatBales(t.quantity)}`}
        actions={<StateBadge state={t.status} />}
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <Card className="p-5">
          <TradeTerms trade={t} />
          {contracts.length ? <ContractList contracts={contracts} /> : null}
        </Card>
        <Card>
          <h2 className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">Offers, best first</h2>
          {offers.length === 0 ? (
            <EmptyState title="No offers yet" description="Offers appear here as sellers make them." />
          ) : (
            <ol className="divide-y divide-slate-100" aria-label="Ranked offers" data-testid="ranked-offers">
              {offers.map((o) => (
                <OfferItem key={o.id} offer={o} />
              ))}
            </ol>
          )}
        </Card>
      </div>
    </div>
  );
}

function ContractList({ contracts }: { contracts: TradeContract[] }) {
  return (
    <div className="mt-4 border-t border-slate-200 pt-3" data-testid="trade-contracts">
      <h3 className="mb-1 text-sm font-semibold text-slate-900">Contracts</h3>
      <ul className="grid gap-1 text-sm">
        {contracts.map((c) => (
          <li key={c.id} className="flex justify-between gap-3">
            <span className="font-medium text-slate-900">{c.number}</span>
            <span className="tabular-nums text-slate-600">
              {formatBales(c.quantity)} at {formatPricePerCandy(c.price)} · {formatInr(c.value)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function OfferItem({ offer }: { offer: RankedOffer }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="px-4 py-3" data-testid={`ranked-offer-${offer.number}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-5 text-right text-sm text-slate-400 tabular-nums">{offer.rank ?? '–'}</span>
        {offer.score !== null ? <ScoreBadge score={offer.score} {...(offer.label ? { label: offer.label } : {})} /> : null}
        <Link to="/trade-desk/offers/$id" params={{ id: offer.id }} className="font-medium text-brand-700 hover:underline">
          {offer.number}
        </Link>
        <span className="text-sm text-slate-700 tabular-nums">
          {formatBales(offer.quantity)} at {formatPricePerCandy(offer.price)}
        </span>
        {offer.sellerName ? <span className="text-sm text-slate-500">{offer.sellerName}</span> : null}
        <span className="text-xs text-slate-400">v{offer.version}</span>
        {offer.excludedReasons.length ? (
          <span className="text-xs text-red-700">No longer matches: {offer.excludedReasons.map(humanizeState).join(', ')}</span>
        ) : null}
        <span className="ml-auto flex items-center gap-2">
          <StateBadge state={offer.status} />
          <TurnIndicator turn={offer.turn} mySide={null} status={offer.status} />
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
