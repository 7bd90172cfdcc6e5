import { ArrowLeftRight, CheckCircle2, CircleDot, Clock, Undo2, XCircle } from 'lucide-react';
import { cn } from '../lib/cn';
import { formatDateTime } from '../lib/format';
import { contractValue, formatBales, formatInr, formatPricePerCandy } from './format';

export type Side = 'BUYER' | 'SELLER';

/** One entry of an offer's version history, as the API returns it (dates as ISO strings). */
export type VersionView = {
  version: number;
  side: string;
  action: string;
  price: string;
  quantity: string;
  validUntil: string;
  message?: string | null;
  createdAt: string;
  /** Made by back-office staff acting for `side`: the history says so. */
  actedByStaff?: boolean;
  /** Set on optimistic entries that the server has not confirmed yet. */
  pending?: boolean;
};

const ACTION_TEXT: Record<string, string> = {
  OFFER: 'offered',
  COUNTER: 'countered',
  ACCEPT: 'accepted',
  REJECT: 'rejected',
  WITHDRAW: 'withdrew',
  EXPIRE: 'expired',
};

function ActionIcon({ action }: { action: string }) {
  const cls = 'size-4';
  if (action === 'ACCEPT') return <CheckCircle2 className={cn(cls, 'text-emerald-600')} aria-hidden />;
  if (action === 'REJECT') return <XCircle className={cn(cls, 'text-red-600')} aria-hidden />;
  if (action === 'WITHDRAW') return <Undo2 className={cn(cls, 'text-slate-500')} aria-hidden />;
  if (action === 'EXPIRE') return <Clock className={cn(cls, 'text-slate-500')} aria-hidden />;
  if (action === 'COUNTER') return <ArrowLeftRight className={cn(cls, 'text-sky-600')} aria-hidden />;
  return <CircleDot className={cn(cls, 'text-brand-600')} aria-hidden />;
}

/** The negotiation as a vertical timeline, oldest first; `mySide` names "you" vs the other party. */
export function VersionTimeline({ versions, mySide }: { versions: readonly VersionView[]; mySide?: Side | null }) {
  return (
    <ol
      className="relative grid gap-4 border-l border-slate-200 pl-6"
      aria-label="Negotiation history"
      data-testid="version-timeline"
    >
      {versions.map((v) => {
        const who = mySide
          ? v.side === mySide
            ? 'You'
            : v.side === 'BUYER'
              ? 'Buyer'
              : 'Seller'
          : v.side === 'BUYER'
            ? 'Buyer'
            : 'Seller';
        const value = contractValue(v.quantity, v.price);
        return (
          <li
            key={`${v.version}-${v.action}`}
            className={cn('relative', v.pending && 'opacity-60')}
            data-testid={`version-${v.version}`}
            data-action={v.action}
            aria-busy={v.pending || undefined}
          >
            <span className="absolute top-0.5 -left-[33px] flex size-5 items-center justify-center rounded-full bg-white ring-2 ring-white">
              <ActionIcon action={v.action} />
            </span>
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className="font-medium text-slate-900">
                {who} {ACTION_TEXT[v.action] ?? v.action.toLowerCase()}
                {v.actedByStaff ? (
                  <span className="font-normal text-slate-500" data-testid="version-by-staff">
                    {' '}
                    (by Kapas back office)
                  </span>
                ) : null}
              </span>
              <span className="text-xs text-slate-500">
                v{v.version} · {v.pending ? 'sending…' : formatDateTime(v.createdAt)}
              </span>
            </div>
            {v.action === 'OFFER' || v.action === 'COUNTER' ? (
              <div className="mt-1 flex flex-wrap gap-x-4 text-sm text-slate-700 tabular-nums">
                <span data-testid="version-price">{formatPricePerCandy(v.price)}</span>
                <span data-testid="version-quantity">{formatBales(v.quantity)}</span>
                {value ? <span className="text-slate-500">{formatInr(value)}</span> : null}
                <span className="text-xs text-slate-500">valid until {formatDateTime(v.validUntil)}</span>
              </div>
            ) : null}
            {v.message ? <p className="mt-1 text-sm text-slate-600 italic">“{v.message}”</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Whose move it is, from the viewer's side. `turn` null means the offer is closed. */
export function TurnIndicator({ turn, mySide, status }: { turn: Side | null; mySide: Side | null; status: string }) {
  const closed = turn === null;
  const mine = !closed && mySide !== null && turn === mySide;
  const text = closed
    ? `Closed: ${status.toLowerCase()}`
    : mySide === null
      ? `Waiting for the ${turn.toLowerCase()}`
      : mine
        ? 'Your turn'
        : `Waiting for the ${turn === 'BUYER' ? 'buyer' : 'seller'}`;
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold',
        closed
          ? 'bg-slate-100 text-slate-600'
          : mine
            ? 'bg-brand-600 text-white'
            : 'bg-amber-50 text-amber-800 ring-1 ring-amber-200',
      )}
      data-testid="turn-indicator"
      data-turn={mine ? 'mine' : closed ? 'closed' : 'theirs'}
      role="status"
    >
      {!closed ? (
        <span className={cn('size-1.5 rounded-full', mine ? 'bg-white' : 'bg-amber-500 animate-pulse')} aria-hidden />
      ) : null}
      {text}
    </span>
  );
}
