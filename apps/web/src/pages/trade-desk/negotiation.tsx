import {
  Alert,
  Button,
  Card,
  CurrentTerms,
  ErrorState,
  formatBales,
  formatInr,
  formatPricePerCandy,
  LoadingState,
  PageHeader,
  StateBadge,
  TurnIndicator,
  trpc,
  VersionTimeline,
} from '@kapas/ui';
import { Link, useParams } from '@tanstack/react-router';
import { RotateCcw } from 'lucide-react';
import { Respond, WithdrawOffer } from './negotiation-actions';
import { useOfferAction } from './use-offer-action';

export function NegotiationPage() {
  const { id } = useParams({ from: '/app/trade-desk/offers/$id' });
  const utils = trpc.useUtils();
  const offer = trpc.offers.get.useQuery({ id });
  // The room's own stream: every counter/accept/reject by either side refetches this offer.
  trpc.offers.onNegotiation.useSubscription(
    { offerId: id },
    {
      onData: () => {
        void utils.offers.get.invalidate({ id });
        void utils.contracts.invalidate();
      },
    },
  );
  const side = offer.data?.mySide ?? null;
  const actions = useOfferAction(id, side);
  const contractId = offer.data?.contractId ?? null;
  const contract = trpc.contracts.get.useQuery({ id: contractId ?? '' }, { enabled: contractId !== null });

  if (offer.isPending) return <LoadingState />;
  if (offer.isError) return <ErrorState error={offer.error} onRetry={() => void offer.refetch()} />;
  const d = offer.data;
  const o = d.offer;
  const latest = d.versions[d.versions.length - 1];
  const allowed = new Set(d.allowedActions);

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title={<span data-testid="offer-number">Offer {o.number}</span>}
        description={
          <>
            On trade{' '}
            <Link to="/trade-desk/trades/$id" params={{ id: o.tradeId }} className="text-brand-700 hover:underline">
              {d.trade.number}
            </Link>
            {side ? ` · you are the ${side.toLowerCase()}` : ''}
            {side === 'BUYER' && d.sellerName ? ` · seller ${d.sellerName}` : ''}
            {side === 'SELLER' && d.buyerName ? ` · buyer ${d.buyerName}` : ''}
            {d.lot ? ` · from lot ${d.lot.number} (${d.lot.lab})` : ''}
          </>
        }
        actions={
          <>
            <StateBadge state={o.status} />
            <TurnIndicator turn={d.expired ? null : d.turn} mySide={side} status={d.expired ? 'EXPIRED' : o.status} />
          </>
        }
      />
      {contract.data ? (
        <Alert tone="info" className="mb-6" data-testid="contract-banner">
          Accepted. Contract{' '}
          <Link
            to="/trade-desk/contracts/$id"
            params={{ id: contract.data.id }}
            className="font-semibold underline"
            data-testid="contract-number"
          >
            {contract.data.number}
          </Link>{' '}
          for <span data-testid="contract-value">{formatInr(contract.data.value)}</span> ({formatBales(contract.data.quantity)} at{' '}
          {formatPricePerCandy(contract.data.price)}).
        </Alert>
      ) : null}
      {actions.retry ? (
        <Alert className="mb-6 flex items-center justify-between gap-3">
          Your last action may not have reached the server.
          <Button size="sm" variant="secondary" onClick={actions.sendRetry} data-testid="retry-action">
            <RotateCcw aria-hidden />
            Retry
          </Button>
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card className="p-5">
          <h2 className="mb-4 text-sm font-semibold text-slate-900">History</h2>
          <VersionTimeline versions={d.versions.map(historyRow)} mySide={side} />
        </Card>
        <div className="grid content-start gap-6">
          <CurrentTerms
            version={o.version}
            price={o.price}
            quantity={o.quantity}
            validUntil={latest?.validUntil ?? o.validUntil}
          />
          {side && d.turn !== null && !d.expired ? (
            <Card className="p-5">
              {allowed.has('COUNTER') || allowed.has('ACCEPT') ? (
                <Respond
                  key={o.version}
                  side={side}
                  version={o.version}
                  price={o.price}
                  quantity={o.quantity}
                  busy={actions.pending}
                  onCounter={(terms) => actions.counter(o.version, terms)}
                  onAccept={() => actions.act('ACCEPT', o.version)}
                  onReject={(reason) => actions.act('REJECT', o.version, reason)}
                />
              ) : (
                <p className="text-sm text-slate-600" data-testid="waiting">
                  Waiting for the {d.turn === 'BUYER' ? 'buyer' : 'seller'} to answer version {o.version}.
                </p>
              )}
              {allowed.has('WITHDRAW') ? (
                <WithdrawOffer
                  busy={actions.pending !== null}
                  onWithdraw={(reason) => actions.act('WITHDRAW', o.version, reason)}
                />
              ) : null}
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/**
 * A history row as the timeline shows it: optimistic rows (not confirmed yet) are the user's own
 * action, never staff's, whatever row they were copied from; a confirmed row made by back-office
 * staff for a party reads "(by Kapas back office)".
 */
function historyRow<V extends { id: string; actedByStaff: boolean }>(v: V): V & { pending: boolean } {
  const pending = v.id.startsWith('pending-');
  return { ...v, pending, actedByStaff: v.actedByStaff && !pending };
}
