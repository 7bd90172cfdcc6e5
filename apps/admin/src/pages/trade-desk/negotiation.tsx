import {
  Alert,
  Card,
  CurrentTerms,
  ErrorState,
  formatBales,
  formatDateTime,
  formatInr,
  formatPricePerCandy,
  hasCapability,
  LoadingState,
  PageHeader,
  StateBadge,
  TermRow,
  TurnIndicator,
  trpc,
  useConnectionState,
  useMe,
} from '@kapas/ui';
import { Link, useParams } from '@tanstack/react-router';
import { ArrowLeft, Eye } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { ActForPanel } from './act-for-panel';
import { VersionHistory } from './version-history';

/**
 * One offer's negotiation as the back office sees it: every version, the current terms and whose
 * turn it is, live through the negotiation room. Staff with `negotiation:act-for` may act for a
 * party; everyone else with `trade:read` reads only.
 */
export function TradeDeskOfferPage() {
  const { id } = useParams({ from: '/app/trade-desk/offers/$id' });
  const me = useMe().data;
  const canActFor = hasCapability(me, 'negotiation:act-for');
  const offer = trpc.offers.get.useQuery({ id });
  useNegotiationLive(id);
  const contractId = offer.data?.contractId ?? null;
  const contract = trpc.contracts.get.useQuery(
    { id: contractId ?? '' },
    { enabled: contractId !== null && hasCapability(me, 'contract:read') },
  );

  if (offer.isPending) return <LoadingState />;
  if (offer.isError) return <ErrorState error={offer.error} onRetry={() => void offer.refetch()} />;
  const d = offer.data;
  const o = d.offer;
  const live = d.turn !== null && !d.expired;
  const latest = d.versions[d.versions.length - 1];

  return (
    <div className="mx-auto max-w-7xl">
      <Link
        to="/trade-desk/trades/$id"
        params={{ id: d.trade.id }}
        className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" aria-hidden />
        Trade {d.trade.number}
      </Link>
      <PageHeader
        title={<span data-testid="offer-number">Offer {o.number}</span>}
        description={
          <>
            Buyer {d.buyerName ?? '—'} · seller {d.sellerName ?? '—'}
            {d.lot ? ` · from lot ${d.lot.number} (${d.lot.lab})` : ''}
          </>
        }
        actions={
          <>
            <StateBadge state={d.expired ? 'EXPIRED' : o.status} />
            <TurnIndicator turn={d.expired ? null : d.turn} mySide={null} status={d.expired ? 'EXPIRED' : o.status} />
          </>
        }
      />
      {contractId ? (
        <Alert tone="info" className="mb-6" data-testid="contract-banner">
          Accepted.{' '}
          {contract.data
            ? `Contract ${contract.data.number} for ${formatInr(contract.data.value)} (${formatBales(contract.data.quantity)} at ${formatPricePerCandy(contract.data.price)}).`
            : 'A contract was created.'}
        </Alert>
      ) : null}
      {d.expired && o.status !== 'EXPIRED' ? (
        <Alert className="mb-6">This offer has passed its validity; nobody can act on it any more.</Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card className="p-5">
          <h2 className="mb-4 text-sm font-semibold text-slate-900">History</h2>
          <VersionHistory detail={d} myUserId={me?.userId ?? null} />
        </Card>
        <div className="grid content-start gap-6">
          <CurrentTerms version={o.version} price={o.price} quantity={o.quantity} validUntil={latest?.validUntil ?? o.validUntil}>
            <TermRow label="Last activity" value={formatDateTime(o.lastActivityAt)} />
            <TermRow label="Trade still open" value={formatBales(remaining(d.trade.quantity, d.trade.allocated))} />
          </CurrentTerms>
          {live && canActFor && d.actAs !== null ? (
            <ActForPanel key={o.id} detail={d} onRefresh={() => void offer.refetch()} />
          ) : live ? (
            <Card className="flex items-start gap-2 p-5 text-sm text-slate-600" data-testid="read-only">
              <Eye className="mt-0.5 size-4 shrink-0" aria-hidden />
              Read-only: acting for a buyer or seller needs the negotiation:act-for permission.
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** The negotiation room: every counter, accept, reject or withdraw by anyone refetches this offer and its trade. */
function useNegotiationLive(offerId: string) {
  const utils = trpc.useUtils();
  const connection = useConnectionState();
  const previous = useRef(connection);
  trpc.offers.onNegotiation.useSubscription(
    { offerId },
    {
      onData: () => {
        void utils.offers.get.invalidate({ id: offerId });
        void utils.trades.get.invalidate();
      },
    },
  );
  useEffect(() => {
    if (previous.current === 'reconnecting' && connection === 'live') void utils.offers.get.invalidate({ id: offerId });
    previous.current = connection;
  }, [connection, offerId, utils]);
}

/** Bales still open on the trade; display only (the server owns the arithmetic). */
function remaining(quantity: string, allocated: string): string {
  return Math.max(0, Number(quantity) - Number(allocated)).toFixed(3);
}
