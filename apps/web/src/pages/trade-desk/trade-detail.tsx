import type { RouterOutputs } from '@kapas/api';
import {
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  errorMessage,
  formatBales,
  formatInr,
  formatPricePerCandy,
  hasCapability,
  humanizeState,
  LoadingState,
  PageHeader,
  ScoreBadge,
  ScoreBreakdown,
  StateBadge,
  TurnIndicator,
  toast,
  trpc,
  useMe,
} from '@kapas/ui';
import { Link, useParams } from '@tanstack/react-router';
import { ChevronDown, ChevronRight, Pencil } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { EditTrade } from './edit-trade';
import { useTradeMasters } from './masters';
import { ReasonField } from './reason-field';
import { TradeSummary } from './trade-summary';

type RankedOffer = RouterOutputs['trades']['get']['offers'][number];
type TradeContract = RouterOutputs['trades']['get']['contracts'][number];

const CANCELLABLE = new Set(['DRAFT', 'POSTED', 'OFFERS_RECEIVED', 'NEGOTIATION']);

export function TradeDetailPage() {
  const { id } = useParams({ from: '/app/trade-desk/trades/$id' });
  const me = useMe().data;
  const masters = useTradeMasters();
  const detail = trpc.trades.get.useQuery({ id });
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Leaving the edit form puts focus back on the button that opened it.
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  if (detail.isPending || masters.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { trade: t, offers, view, contracts } = detail.data;
  const mine = view === 'OWNER';
  // Editing, posting and cancelling need trade:create as well (a partner user may only read).
  const canManage = mine && me !== undefined && me !== null && hasCapability(me, 'trade:create');
  const myLive = offers.find((o) => o.status === 'PENDING' || o.status === 'COUNTERED');
  const canOffer = view === 'MARKET' && !myLive && me !== undefined && me !== null && hasCapability(me, 'offer:create');

  if (editing) {
    return (
      <div className="mx-auto max-w-5xl">
        <PageHeader
          title={<span data-testid="trade-number">Edit draft {t.number}</span>}
          description="Change any term, then save. The draft stays a draft until you post it."
        />
        <EditTrade
          trade={t}
          masters={masters}
          onClose={() => {
            returnFocus.current = true;
            setEditing(false);
          }}
        />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={<span data-testid="trade-number">Trade {t.number}</span>}
        description={`${t.commodityName ?? ''} · ${formatBales(t.quantity)}${t.buyerName && !mine ? ` · ${t.buyerName}` : ''}`}
        actions={
          <>
            {canManage && CANCELLABLE.has(t.status) && Number(t.allocated) === 0 ? (
              <CancelTrade id={t.id} version={t.version} />
            ) : null}
            {canManage && t.status === 'DRAFT' ? (
              <Button variant="secondary" ref={editButton} onClick={() => setEditing(true)}>
                <Pencil aria-hidden />
                Edit
              </Button>
            ) : null}
            {canManage && t.status === 'DRAFT' ? <PostTrade id={t.id} version={t.version} /> : null}
            {canOffer ? (
              <Button asChild>
                <Link to="/trade-desk/trades/$id/offer" params={{ id: t.id }} search={{}}>
                  Make an offer
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <Card className="p-5">
          <TradeSummary trade={t} masters={masters} />
          <p className="mt-3 text-xs text-slate-500">
            {detail.data.allocation.percent}% allocated · {formatBales(detail.data.allocation.remaining)} still open
          </p>
          {contracts.length ? <ContractList contracts={contracts} /> : null}
        </Card>
        <Card>
          <h2 className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
            {view === 'MARKET' ? 'Your offers on this trade' : 'Offers, best first'}
          </h2>
          {offers.length === 0 ? (
            <EmptyState
              title="No offers yet"
              description={mine ? 'Matching sellers have been told; offers appear here live.' : undefined}
            />
          ) : (
            <ol className="divide-y divide-slate-100" aria-label="Ranked offers" data-testid="ranked-offers">
              {offers.map((o) => (
                <OfferItem key={o.id} offer={o} mine={mine} />
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
            <Link to="/trade-desk/contracts/$id" params={{ id: c.id }} className="text-brand-700 hover:underline">
              {c.number}
            </Link>
            <span className="tabular-nums text-slate-600">
              {formatBales(c.quantity)} · {formatInr(c.value)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function OfferItem({ offer, mine }: { offer: RankedOffer; mine: boolean }) {
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
        {offer.excludedReasons.length ? (
          <span className="text-xs text-red-700">No longer matches: {offer.excludedReasons.map(humanizeState).join(', ')}</span>
        ) : null}
        <span className="ml-auto flex items-center gap-2">
          <StateBadge state={offer.status} />
          <TurnIndicator turn={offer.turn} mySide={mine ? 'BUYER' : 'SELLER'} status={offer.status} />
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

function CancelTrade({ id, version }: { id: string; version: number }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const utils = trpc.useUtils();
  const cancel = trpc.trades.cancel.useMutation({
    onSuccess: () => {
      toast.success('Trade cancelled');
      setOpen(false);
      void utils.trades.invalidate();
      void utils.offers.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const confirm = () => {
    if (!cancel.isPending) cancel.mutate({ id, version, reason: reason.trim() || null });
  };
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Cancel trade
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setReason('');
        }}
        title="Cancel this trade?"
        description="Open offers are closed and sellers are told. This cannot be undone."
        confirmLabel="Cancel trade"
        pending={cancel.isPending}
        onConfirm={confirm}
      >
        <ReasonField value={reason} onChange={setReason} onEnter={confirm} maxLength={500} />
      </ConfirmDialog>
    </>
  );
}

function PostTrade({ id, version }: { id: string; version: number }) {
  const utils = trpc.useUtils();
  const post = trpc.trades.post.useMutation({
    onSuccess: () => {
      toast.success('Trade posted');
      void utils.trades.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <Button loading={post.isPending} onClick={() => post.mutate({ id, version })}>
      Post trade
    </Button>
  );
}
