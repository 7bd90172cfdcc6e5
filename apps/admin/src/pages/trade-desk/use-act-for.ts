/**
 * Negotiation actions taken by staff on a party's behalf (DOMAIN §6.3, `negotiation:act-for`).
 * Every action names the side (`actAs`) and the version it answers, and carries one idempotency
 * key (crypto.randomUUID) that "Retry" sends again after a network failure, so the server applies
 * it at most once. No optimistic update: staff see only what the server confirmed.
 *  - STALE_VERSION: the offer moved on first; nothing changed; `stale` names the version for an
 *    explanation with a refresh.
 *  - no answer at all: `retry` holds the attempt.
 *  - any other error is returned to the caller (the counter form places field errors) and, for
 *    accept/reject/withdraw, shown in a toast.
 */
import type { RouterInputs } from '@kapas/api';
import { errorCode, errorMessage, type Side, toast, trpc } from '@kapas/ui';
import { useRef, useState } from 'react';

export type ActionKind = 'COUNTER' | 'ACCEPT' | 'REJECT' | 'WITHDRAW';
export type CounterTerms = Pick<RouterInputs['offers']['counter'], 'price' | 'quantity' | 'validityHours' | 'message'>;
type Attempt = { kind: ActionKind; side: Side; version: number; key: string; terms?: CounterTerms; message?: string | null };

const DONE: Record<ActionKind, string> = {
  COUNTER: 'Counter-offer sent',
  ACCEPT: 'Offer accepted: contract created',
  REJECT: 'Offer rejected',
  WITHDRAW: 'Offer withdrawn',
};

export const sideName = (side: Side) => (side === 'BUYER' ? 'buyer' : 'seller');

export function useActFor(offerId: string) {
  const utils = trpc.useUtils();
  const [pending, setPending] = useState<ActionKind | null>(null);
  const [stale, setStale] = useState<number | null>(null);
  const [retry, setRetry] = useState<Attempt | null>(null);
  const busy = useRef(false);
  const counter = trpc.offers.counter.useMutation();
  const accept = trpc.offers.accept.useMutation();
  const reject = trpc.offers.reject.useMutation();
  const withdraw = trpc.offers.withdraw.useMutation();

  /** Resolves to null on success, else the error (already explained unless the caller must place it). */
  const send = async (a: Attempt): Promise<unknown> => {
    if (busy.current) return null;
    busy.current = true;
    setPending(a.kind);
    setRetry(null);
    setStale(null);
    const base = { offerId, version: a.version, idempotencyKey: a.key, actAs: a.side };
    try {
      if (a.kind === 'COUNTER' && a.terms) await counter.mutateAsync({ ...base, ...a.terms });
      else if (a.kind === 'ACCEPT') await accept.mutateAsync({ ...base, message: a.message ?? null });
      else if (a.kind === 'REJECT') await reject.mutateAsync({ ...base, message: a.message ?? null });
      else await withdraw.mutateAsync({ ...base, message: a.message ?? null });
      toast.success(`${DONE[a.kind]} for the ${sideName(a.side)}`);
      return null;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'STALE_VERSION') setStale(a.version);
      else if (code === null) {
        // No answer from the server: the action may or may not have landed; the same key makes a retry safe.
        setRetry(a);
        toast.error('Connection problem: the action may not have been sent', {
          description: 'Use “Retry” to send it again safely.',
        });
      } else if (a.kind !== 'COUNTER') toast.error(errorMessage(error));
      return error;
    } finally {
      busy.current = false;
      setPending(null);
      void utils.offers.get.invalidate({ id: offerId });
      void utils.trades.invalidate();
      void utils.tradeDesk.invalidate();
    }
  };

  return {
    pending,
    stale,
    retry,
    dismissStale: () => setStale(null),
    sendRetry: () => (retry ? send(retry) : Promise.resolve(null)),
    counter: (side: Side, version: number, terms: CounterTerms) =>
      send({ kind: 'COUNTER', side, version, terms, key: crypto.randomUUID() }),
    act: (kind: Exclude<ActionKind, 'COUNTER'>, side: Side, version: number, message: string | null = null) =>
      send({ kind, side, version, message, key: crypto.randomUUID() }),
  };
}
