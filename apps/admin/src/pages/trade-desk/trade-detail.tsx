import {
  Card,
  EmptyState,
  ErrorState,
  formatBales,
  LoadingState,
  PageHeader,
  RankedOffers,
  StateBadge,
  TradeContracts,
  TradeTerms,
  trpc,
} from '@kapas/ui';
import { Link, useParams } from '@tanstack/react-router';
import { ArrowLeft } from 'lucide-react';
import { EMPTY_TRADES_SEARCH } from './search';
import { useTradeLive } from './use-trade-live';
import { useTradeNames } from './use-trade-names';

/** One trade as the back office sees it (DOMAIN §6.6): its terms, every offer ranked by score, its contracts. */
export function TradeDeskTradePage() {
  const { id } = useParams({ from: '/app/trade-desk/trades/$id' });
  useTradeLive(id);
  const detail = trpc.trades.get.useQuery({ id });
  const { nameOf } = useTradeNames();

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
          <TradeTerms trade={t} nameOf={nameOf} staffView />
          {contracts.length ? (
            <TradeContracts
              contracts={contracts}
              contractNumber={(c) => <span className="font-medium text-slate-900">{c.number}</span>}
              showPrice
            />
          ) : null}
        </Card>
        <Card>
          <h2 className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">Offers, best first</h2>
          {offers.length === 0 ? (
            <EmptyState title="No offers yet" description="Offers appear here as sellers make them." />
          ) : (
            <RankedOffers
              offers={offers}
              mySide={null}
              showVersion
              offerLink={(o) => (
                <Link to="/trade-desk/offers/$id" params={{ id: o.id }} className="font-medium text-brand-700 hover:underline">
                  {o.number}
                </Link>
              )}
            />
          )}
        </Card>
      </div>
    </div>
  );
}
