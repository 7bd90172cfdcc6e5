import {
  Alert,
  Button,
  Card,
  ConfirmDialog,
  contractValue,
  ErrorState,
  FormField,
  formatBales,
  formatDateTime,
  formatInr,
  formatPricePerCandy,
  Input,
  LoadingState,
  PageHeader,
  StateBadge,
  TurnIndicator,
  trpc,
  VersionTimeline,
} from '@kapas/ui';
import { Link, useParams } from '@tanstack/react-router';
import { RotateCcw } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { type CounterTerms, useOfferAction } from './use-offer-action';

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
  const value = contractValue(o.quantity, o.price);

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
          <VersionTimeline versions={d.versions.map((v) => ({ ...v, pending: v.id.startsWith('pending-') }))} mySide={side} />
        </Card>
        <div className="grid content-start gap-6">
          <Card className="p-5" data-testid="current-terms">
            <h2 className="mb-3 text-sm font-semibold text-slate-900">Current terms (v{o.version})</h2>
            <dl className="grid gap-1 text-sm">
              <Row label="Price" value={formatPricePerCandy(o.price)} testId="current-price" />
              <Row label="Quantity" value={formatBales(o.quantity)} testId="current-quantity" />
              <Row label="Value" value={value ? formatInr(value) : '—'} testId="current-value" />
              <Row label="Valid until" value={formatDateTime(latest?.validUntil ?? o.validUntil)} />
            </dl>
          </Card>
          {side && d.turn !== null && !d.expired ? (
            <Card className="p-5">
              {allowed.has('COUNTER') || allowed.has('ACCEPT') ? (
                <Respond
                  key={o.version}
                  version={o.version}
                  price={o.price}
                  quantity={o.quantity}
                  busy={actions.pending}
                  onCounter={(terms) => actions.counter(o.version, terms)}
                  onAccept={() => actions.act('ACCEPT', o.version)}
                  onReject={() => actions.act('REJECT', o.version)}
                />
              ) : (
                <p className="text-sm text-slate-600" data-testid="waiting">
                  Waiting for the {d.turn === 'BUYER' ? 'buyer' : 'seller'} to answer version {o.version}.
                </p>
              )}
              {allowed.has('WITHDRAW') ? (
                <Button
                  variant="ghost"
                  className="mt-3"
                  onClick={() => actions.act('WITHDRAW', o.version)}
                  disabled={actions.pending !== null}
                >
                  Withdraw offer
                </Button>
              ) : null}
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

const PRICE = /^\d{1,12}(\.\d{1,2})?$/;
const QTY = /^\d{1,10}(\.\d{1,3})?$/;

function Respond(props: {
  version: number;
  price: string;
  quantity: string;
  busy: string | null;
  onCounter: (terms: CounterTerms) => void;
  onAccept: () => void;
  onReject: () => void;
}) {
  const [price, setPrice] = useState(props.price);
  const [quantity, setQuantity] = useState(props.quantity);
  const [hours, setHours] = useState('48');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirm, setConfirm] = useState<'ACCEPT' | 'REJECT' | null>(null);
  const preview = contractValue(quantity, price);
  const acceptValue = contractValue(props.quantity, props.price);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!PRICE.test(price) || Number(price) <= 0) next.price = 'Price in ₹ per candy, above zero, at most 2 decimals';
    if (!QTY.test(quantity) || Number(quantity) <= 0) next.quantity = 'Bales above zero, at most 3 decimals';
    const h = Number.parseInt(hours, 10);
    if (!Number.isInteger(h) || h < 1 || h > 720) next.validityHours = 'Between 1 and 720 hours';
    setErrors(next);
    if (Object.keys(next).length) return;
    props.onCounter({ price, quantity, validityHours: h, message: message.trim() || null });
  };

  return (
    <div className="grid gap-4">
      <p className="text-sm font-medium text-slate-900">Your move on version {props.version}</p>
      <div className="flex gap-2">
        <Button onClick={() => setConfirm('ACCEPT')} disabled={props.busy !== null} data-testid="accept-offer">
          Accept
        </Button>
        <Button variant="secondary" onClick={() => setConfirm('REJECT')} disabled={props.busy !== null}>
          Reject
        </Button>
      </div>
      <form onSubmit={submit} className="grid gap-3 border-t border-slate-200 pt-4" aria-label="Counter-offer" noValidate>
        <p className="text-sm font-medium text-slate-900">Or counter</p>
        <div className="grid grid-cols-2 gap-3">
          <FormField label="Price (₹ per candy)" error={errors.price}>
            <Input inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
          </FormField>
          <FormField label="Quantity (bales)" error={errors.quantity}>
            <Input inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
          </FormField>
          <FormField label="Valid for (hours)" error={errors.validityHours}>
            <Input inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} />
          </FormField>
          <div className="grid content-end pb-2 text-sm text-slate-600 tabular-nums">
            {preview ? `Value ${formatInr(preview)}` : null}
          </div>
        </div>
        <FormField label="Message">
          <Input maxLength={1000} value={message} onChange={(e) => setMessage(e.target.value)} />
        </FormField>
        <Button type="submit" variant="secondary" loading={props.busy === 'COUNTER'} disabled={props.busy !== null}>
          Send counter-offer
        </Button>
      </form>
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={confirm === 'ACCEPT' ? 'Accept and create a binding contract?' : 'Reject this offer?'}
        description={
          confirm === 'ACCEPT'
            ? `${formatBales(props.quantity)} at ${formatPricePerCandy(props.price)}${acceptValue ? `, value ${formatInr(acceptValue)}` : ''}. Acceptance is binding.`
            : 'The negotiation ends; the seller is told.'
        }
        confirmLabel={confirm === 'ACCEPT' ? 'Accept offer' : 'Reject offer'}
        destructive={confirm === 'REJECT'}
        onConfirm={() => {
          if (confirm === 'ACCEPT') props.onAccept();
          else if (confirm === 'REJECT') props.onReject();
          setConfirm(null);
        }}
      />
    </div>
  );
}
