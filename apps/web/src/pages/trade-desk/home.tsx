import type { RouterOutputs } from '@kapas/api';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  formatAgo,
  formatBales,
  formatPricePerCandy,
  hasCapability,
  LoadingState,
  PageHeader,
  ScoreBadge,
  StateBadge,
  TurnIndicator,
  trpc,
  useMe,
} from '@kapas/ui';
import { Link } from '@tanstack/react-router';
import { PlusCircle } from 'lucide-react';
import { type ReactNode, useEffect } from 'react';
import { feedCounter } from './feed-counter';

type Offer = RouterOutputs['offers']['mine']['items'][number];
type Trade = RouterOutputs['trades']['mine']['items'][number];
type OpenTrade = RouterOutputs['trades']['openForSellers']['items'][number];

const OPEN_TRADE_STATES = ['DRAFT', 'POSTED', 'OFFERS_RECEIVED', 'NEGOTIATION'] as const;
const LIVE_OFFER_STATES = ['PENDING', 'COUNTERED'] as const;

export function TradeDeskHomePage() {
  const me = useMe().data;
  const canBuy = me ? hasCapability(me, 'trade:create') : false;
  const canSell = me ? hasCapability(me, 'offer:create') : false;
  const canContracts = me ? hasCapability(me, 'contract:read') : false;
  // Opening the desk counts as having seen the feed.
  useEffect(() => feedCounter.reset(), []);

  const trades = trpc.trades.mine.useQuery({ page: 1, pageSize: 20, status: [...OPEN_TRADE_STATES] }, { enabled: canBuy });
  const offers = trpc.offers.mine.useQuery({ page: 1, pageSize: 50, status: [...LIVE_OFFER_STATES] });
  const market = trpc.trades.openForSellers.useQuery({ page: 1, pageSize: 20 }, { enabled: canSell });
  const contracts = trpc.contracts.mine.useQuery({ page: 1, pageSize: 5 }, { enabled: canContracts });

  const myTurn = (offers.data?.items ?? []).filter((o) => o.turn !== null && o.turn === o.side).length;

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Trade desk"
        description="Your trades, offers and contracts. Everything here updates live."
        actions={
          canBuy ? (
            <Button asChild>
              <Link to="/trade-desk/trades/new">
                <PlusCircle aria-hidden />
                New trade
              </Link>
            </Button>
          ) : null
        }
      />
      <div className="mb-6 grid gap-4 sm:grid-cols-4" data-testid="desk-counters">
        {canBuy ? <Counter label="My open trades" value={trades.data?.total} testId="count-trades" /> : null}
        <Counter label="Live offers" value={offers.data?.total} testId="count-offers" />
        <Counter label="Waiting for you" value={offers.data ? myTurn : undefined} testId="count-my-turn" highlight={myTurn > 0} />
        {canContracts ? <Counter label="Contracts" value={contracts.data?.total} testId="count-contracts" /> : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        {canBuy ? (
          <Section title="My trades" query={trades} empty="No open trades. Post one to get offers.">
            {(trades.data?.items ?? []).map((t) => (
              <TradeRow key={t.id} trade={t} />
            ))}
          </Section>
        ) : null}
        <Section title="Offers" query={offers} empty="No live offers." testId="my-offers">
          {(offers.data?.items ?? []).map((o) => (
            <OfferRow key={o.id} offer={o} side={o.side} />
          ))}
        </Section>
        {canSell ? (
          <Section title="Open market" query={market} empty="No open trades match you right now." testId="open-market">
            {(market.data?.items ?? []).map((t) => (
              <MarketRow key={t.id} trade={t} />
            ))}
          </Section>
        ) : null}
        {canContracts ? (
          <Section title="Recent contracts" query={contracts} empty="No contracts yet." testId="recent-contracts">
            {(contracts.data?.items ?? []).map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 px-4 py-2.5 text-sm">
                <Link to="/trade-desk/contracts/$id" params={{ id: c.id }} className="font-medium text-brand-700 hover:underline">
                  {c.number}
                </Link>
                <span className="text-slate-600 tabular-nums">
                  {formatBales(c.quantity)} · {formatPricePerCandy(c.price)}
                </span>
                <StateBadge state={c.status} />
              </li>
            ))}
          </Section>
        ) : null}
      </div>
    </div>
  );
}

function Counter({
  label,
  value,
  testId,
  highlight,
}: {
  label: string;
  value: number | undefined;
  testId: string;
  highlight?: boolean;
}) {
  return (
    <Card className={highlight ? 'p-4 ring-2 ring-brand-500' : 'p-4'}>
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid={testId}>
        {value ?? '…'}
      </p>
    </Card>
  );
}

type ListQuery = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  data?: { items: unknown[] } | undefined;
};

function Section({
  title,
  query,
  empty,
  children,
  testId,
}: {
  title: string;
  query: ListQuery;
  empty: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card data-testid={testId}>
      <h2 className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">{title}</h2>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data?.items.length ? (
        <EmptyState title={empty} />
      ) : (
        <ul className="divide-y divide-slate-100">{children}</ul>
      )}
    </Card>
  );
}

function TradeRow({ trade }: { trade: Trade }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-2.5 text-sm" data-testid={`trade-${trade.number}`}>
      <div>
        <Link to="/trade-desk/trades/$id" params={{ id: trade.id }} className="font-medium text-brand-700 hover:underline">
          {trade.number}
        </Link>
        <span className="ml-2 text-slate-600">
          {trade.commodityName ?? ''} · {formatBales(trade.quantity)}
        </span>
        {trade.urgency === 'URGENT' ? (
          <Badge tone="danger" className="ml-2">
            Urgent
          </Badge>
        ) : null}
      </div>
      <StateBadge state={trade.status} />
    </li>
  );
}

function OfferRow({ offer, side }: { offer: Offer; side: 'BUYER' | 'SELLER' | null }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-2.5 text-sm" data-testid={`offer-${offer.number}`}>
      <div>
        <Link to="/trade-desk/offers/$id" params={{ id: offer.id }} className="font-medium text-brand-700 hover:underline">
          {offer.number}
        </Link>
        <span className="ml-2 text-xs text-slate-500">
          {offer.side === 'BUYER' ? 'received on' : 'made on'} {offer.tradeNumber}
        </span>
        <span className="ml-2 text-slate-600 tabular-nums">
          {formatBales(offer.quantity)} at {formatPricePerCandy(offer.price)}
        </span>
        <span className="ml-2 text-xs text-slate-400">
          v{offer.version} · {formatAgo(offer.lastActivityAt)}
        </span>
      </div>
      <TurnIndicator turn={offer.turn} mySide={side} status={offer.status} />
    </li>
  );
}

function MarketRow({ trade }: { trade: OpenTrade }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-2.5 text-sm" data-testid={`market-${trade.number}`}>
      <div>
        <Link to="/trade-desk/trades/$id" params={{ id: trade.id }} className="font-medium text-brand-700 hover:underline">
          {trade.number}
        </Link>
        <span className="ml-2 text-slate-600">
          {trade.commodityName ?? ''} · {formatBales(trade.remaining)} open
          {trade.targetPrice ? ` · target ${formatPricePerCandy(trade.targetPrice)}` : ''}
        </span>
        {trade.urgency === 'URGENT' ? (
          <Badge tone="danger" className="ml-2">
            Urgent
          </Badge>
        ) : null}
      </div>
      <span className="flex items-center gap-2">
        {trade.myScore !== null ? (
          <ScoreBadge score={trade.myScore} {...(trade.myLabel ? { label: trade.myLabel } : {})} />
        ) : null}
        {trade.myLiveOfferId ? (
          <Button size="sm" variant="secondary" asChild>
            <Link to="/trade-desk/offers/$id" params={{ id: trade.myLiveOfferId }}>
              My offer
            </Link>
          </Button>
        ) : (
          <Button size="sm" variant="secondary" asChild>
            <Link to="/trade-desk/trades/$id/offer" params={{ id: trade.id }} search={{}}>
              Make offer
            </Link>
          </Button>
        )}
      </span>
    </li>
  );
}
