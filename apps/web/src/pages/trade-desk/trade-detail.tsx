import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  errorMessage,
  formatBales,
  hasCapability,
  LoadingState,
  PageHeader,
  RankedOffers,
  TradeContracts,
  TradeTerms,
  toast,
  trpc,
  useMe,
} from '@kapas/ui';
import { Link, useParams } from '@tanstack/react-router';
import { Pencil } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { EditTrade } from './edit-trade';
import { useTradeMasters } from './masters';
import { ReasonDialog } from './reason-dialog';

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
          <TradeTerms trade={t} nameOf={masters.nameOf} />
          <p className="mt-3 text-xs text-slate-500">
            {detail.data.allocation.percent}% allocated · {formatBales(detail.data.allocation.remaining)} still open
          </p>
          {contracts.length ? (
            <TradeContracts
              contracts={contracts}
              contractNumber={(c) => (
                <Link to="/trade-desk/contracts/$id" params={{ id: c.id }} className="text-brand-700 hover:underline">
                  {c.number}
                </Link>
              )}
            />
          ) : null}
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
            <RankedOffers
              offers={offers}
              mySide={mine ? 'BUYER' : 'SELLER'}
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

function CancelTrade({ id, version }: { id: string; version: number }) {
  const [open, setOpen] = useState(false);
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
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Cancel trade
      </Button>
      <ReasonDialog
        open={open}
        onOpenChange={setOpen}
        title="Cancel this trade?"
        description="Open offers are closed and sellers are told. This cannot be undone."
        confirmLabel="Cancel trade"
        maxLength={500}
        pending={cancel.isPending}
        onConfirm={(reason) => {
          if (!cancel.isPending) cancel.mutate({ id, version, reason });
        }}
      />
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
