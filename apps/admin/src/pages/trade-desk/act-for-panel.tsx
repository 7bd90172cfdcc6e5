import type { RouterOutputs } from '@kapas/api';
import { Alert, Button, Card, type Side } from '@kapas/ui';
import { RotateCcw, UserCheck } from 'lucide-react';
import { useState } from 'react';
import { CounterForm } from './counter-form';
import { type Decision, DecisionDialog } from './decision-dialog';
import { sideName, useActFor } from './use-act-for';

type OfferDetail = RouterOutputs['offers']['get'];

/**
 * What a side may do now. The API lists the actions of the side whose turn it is (`actAs`); the
 * other side may only withdraw, and only if it is the seller. The server checks again either way.
 */
function actionsFor(detail: OfferDetail, side: Side): Set<string> {
  if (side === detail.actAs) return new Set(detail.allowedActions);
  return new Set(detail.actAs !== null && side === 'SELLER' ? ['WITHDRAW'] : []);
}

/**
 * Staff with `negotiation:act-for` answer a live offer on a party's behalf (DOMAIN §6.3): first
 * choose the party (it starts on the side whose turn it is), then accept, reject or counter the
 * latest version, or withdraw for the seller. Each action names the version it answers; the
 * decisions are confirmed first.
 */
export function ActForPanel({ detail, onRefresh }: { detail: OfferDetail; onRefresh: () => void }) {
  const o = detail.offer;
  const [side, setSide] = useState<Side>(detail.actAs ?? 'BUYER');
  const [decision, setDecision] = useState<Decision | null>(null);
  const actions = useActFor(o.id);
  const partyName = (s: Side) => (s === 'BUYER' ? detail.buyerName : detail.sellerName) ?? '—';
  const party = `${side === 'BUYER' ? 'Buyer' : 'Seller'} ${partyName(side)}`;
  const allowed = actionsFor(detail, side);
  const mayRespond = allowed.has('COUNTER') || allowed.has('ACCEPT');

  const open = (kind: Decision['kind']) => setDecision({ kind, version: o.version, price: o.price, quantity: o.quantity });

  return (
    <Card className="p-5" data-testid="act-for-panel">
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Act for a party</legend>
        {(['BUYER', 'SELLER'] as const).map((s) => (
          <label key={s} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="radio"
              name="act-for"
              value={s}
              checked={side === s}
              onChange={() => setSide(s)}
              disabled={actions.pending !== null}
              className="size-4 accent-brand-600"
            />
            {s === 'BUYER' ? 'Buyer' : 'Seller'} {partyName(s)}
            {detail.turn === s ? <span className="text-xs text-slate-500">(their turn)</span> : null}
          </label>
        ))}
      </fieldset>
      <p
        className="mt-3 flex items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-900 ring-1 ring-amber-200"
        data-testid="acting-for"
        role="status"
      >
        <UserCheck className="size-4" aria-hidden />
        Acting for: {party}
      </p>
      <p className="mt-1 text-xs text-slate-500">What you do here binds the {sideName(side)} and is recorded under your name.</p>

      {actions.stale !== null ? (
        <Alert className="mt-4 grid gap-2" data-testid="stale-version">
          <span>
            The offer moved on: version {actions.stale} was answered before your action arrived, so nothing was changed. The
            latest version is loaded now; look at it, then decide again.
          </span>
          <Button
            size="sm"
            variant="secondary"
            className="justify-self-start"
            onClick={() => {
              actions.dismissStale();
              onRefresh();
            }}
          >
            <RotateCcw aria-hidden />
            Refresh
          </Button>
        </Alert>
      ) : null}
      {actions.retry ? (
        <Alert className="mt-4 flex items-center justify-between gap-3">
          The last action may not have reached the server.
          <Button size="sm" variant="secondary" onClick={() => void actions.sendRetry()} data-testid="retry-action">
            <RotateCcw aria-hidden />
            Retry
          </Button>
        </Alert>
      ) : null}

      <div className="mt-4 grid gap-4">
        {mayRespond ? (
          <>
            <p className="text-sm font-medium text-slate-900">
              {party} answers version {o.version}
            </p>
            <div className="flex gap-2">
              {allowed.has('ACCEPT') ? (
                <Button onClick={() => open('ACCEPT')} disabled={actions.pending !== null} data-testid="accept-offer">
                  Accept for the {sideName(side)}
                </Button>
              ) : null}
              {allowed.has('REJECT') ? (
                <Button variant="secondary" onClick={() => open('REJECT')} disabled={actions.pending !== null}>
                  Reject for the {sideName(side)}
                </Button>
              ) : null}
            </div>
            {allowed.has('COUNTER') ? (
              <CounterForm
                key={`${side}-${o.version}`}
                partyLabel={party}
                version={o.version}
                price={o.price}
                quantity={o.quantity}
                busy={actions.pending !== null}
                onCounter={(terms) => actions.counter(side, o.version, terms)}
              />
            ) : null}
          </>
        ) : (
          <p className="text-sm text-slate-600" data-testid="not-their-turn">
            Version {o.version} waits for the {detail.turn ? sideName(detail.turn) : 'other side'}: the {sideName(side)} cannot
            counter or accept it.
          </p>
        )}
        {allowed.has('WITHDRAW') ? (
          <Button
            variant="ghost"
            className="justify-self-start"
            onClick={() => open('WITHDRAW')}
            disabled={actions.pending !== null}
          >
            Withdraw the offer for the seller
          </Button>
        ) : null}
      </div>

      <DecisionDialog
        decision={decision}
        party={party}
        pending={actions.pending !== null}
        onConfirm={async (d, reason) => {
          await actions.act(d.kind, side, d.version, reason);
        }}
        onClose={() => setDecision(null)}
      />
    </Card>
  );
}
