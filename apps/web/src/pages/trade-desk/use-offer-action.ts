/**
 * Negotiation actions with optimistic UI (DOMAIN §6.3):
 *  - the action shows at once (a pending version in the timeline, the turn passing over);
 *  - STALE_VERSION (the other side moved first) rolls it back, explains in a toast and refetches;
 *  - each action gets one idempotency key (crypto.randomUUID) that a retry after a network
 *    failure sends again, so the server applies it at most once.
 */
import type { RouterInputs, RouterOutputs } from '@kapas/api';
import type { Side } from '@kapas/ui';
import { errorCode, errorMessage, toast, trpc } from '@kapas/ui';
import { useRef, useState } from 'react';

type OfferDetail = RouterOutputs['offers']['get'];
export type CounterTerms = Omit<RouterInputs['offers']['counter'], 'offerId' | 'version' | 'idempotencyKey' | 'actAs'>;
export type ActionKind = 'COUNTER' | 'ACCEPT' | 'REJECT' | 'WITHDRAW';
type Attempt = { kind: ActionKind; version: number; key: string; terms?: CounterTerms; message?: string | null };

const other = (side: Side): Side => (side === 'BUYER' ? 'SELLER' : 'BUYER');
const STATUS_AFTER: Record<Exclude<ActionKind, 'COUNTER'>, string> = {
  ACCEPT: 'ACCEPTED',
  REJECT: 'REJECTED',
  WITHDRAW: 'WITHDRAWN',
};

/** The cached detail with the action applied as the server is expected to apply it. */
function optimistic(detail: OfferDetail, a: Attempt, side: Side): OfferDetail {
  const now = new Date().toISOString();
  const last = detail.versions[detail.versions.length - 1];
  if (a.kind === 'COUNTER' && a.terms && last) {
    const validUntil = new Date(Date.now() + (a.terms.validityHours ?? 48) * 3_600_000).toISOString();
    return {
      ...detail,
      offer: {
        ...detail.offer,
        status: 'COUNTERED',
        turn: other(side),
        version: a.version + 1,
        price: a.terms.price,
        quantity: a.terms.quantity,
      },
      turn: other(side),
      allowedActions: side === 'SELLER' ? ['WITHDRAW'] : [],
      versions: [
        ...detail.versions,
        {
          ...last,
          id: `pending-${a.key}`,
          version: a.version + 1,
          side,
          action: 'COUNTER',
          price: a.terms.price,
          quantity: a.terms.quantity,
          validUntil,
          message: a.terms.message ?? null,
          createdAt: now,
        },
      ],
    };
  }
  const status = STATUS_AFTER[a.kind as Exclude<ActionKind, 'COUNTER'>];
  return { ...detail, offer: { ...detail.offer, status, turn: null }, turn: null, allowedActions: [] };
}

export function useOfferAction(offerId: string, side: Side | null) {
  const utils = trpc.useUtils();
  const [retry, setRetry] = useState<Attempt | null>(null);
  const [pending, setPending] = useState<ActionKind | null>(null);
  const pendingKey = useRef<string | null>(null);
  const counter = trpc.offers.counter.useMutation();
  const accept = trpc.offers.accept.useMutation();
  const reject = trpc.offers.reject.useMutation();
  const withdraw = trpc.offers.withdraw.useMutation();

  const send = async (a: Attempt) => {
    if (!side || pendingKey.current) return;
    pendingKey.current = a.key;
    setPending(a.kind);
    setRetry(null);
    await utils.offers.get.cancel({ id: offerId });
    const before = utils.offers.get.getData({ id: offerId });
    if (before) utils.offers.get.setData({ id: offerId }, optimistic(before, a, side));
    const base = { offerId, version: a.version, idempotencyKey: a.key };
    try {
      if (a.kind === 'COUNTER' && a.terms) await counter.mutateAsync({ ...base, ...a.terms });
      else if (a.kind === 'ACCEPT') await accept.mutateAsync(base);
      else if (a.kind === 'REJECT') await reject.mutateAsync({ ...base, message: a.message ?? null });
      else await withdraw.mutateAsync({ ...base, message: a.message ?? null });
      toast.success(
        a.kind === 'COUNTER'
          ? 'Counter-offer sent'
          : a.kind === 'ACCEPT'
            ? 'Offer accepted: contract created'
            : a.kind === 'REJECT'
              ? 'Offer rejected'
              : 'Offer withdrawn',
      );
    } catch (error) {
      if (before) utils.offers.get.setData({ id: offerId }, before);
      const code = errorCode(error);
      if (code === 'STALE_VERSION') {
        toast.error('The offer moved on before your action', {
          description:
            'Someone answered this version while you were deciding. Your action was not applied; the latest terms are shown now.',
        });
      } else if (code === null) {
        // No answer from the server: the action may or may not have landed. Retrying with the same key is safe.
        setRetry(a);
        toast.error('Connection problem: your action may not have been sent', {
          description: 'Use “Retry” to send it again safely.',
        });
      } else {
        toast.error(errorMessage(error));
      }
    } finally {
      pendingKey.current = null;
      setPending(null);
      void utils.offers.invalidate();
      void utils.trades.invalidate();
      void utils.contracts.invalidate();
      void utils.lots.invalidate();
    }
  };

  return {
    pending,
    retry,
    sendRetry: () => (retry ? void send(retry) : undefined),
    counter: (version: number, terms: CounterTerms) => void send({ kind: 'COUNTER', version, terms, key: crypto.randomUUID() }),
    act: (kind: Exclude<ActionKind, 'COUNTER'>, version: number, message?: string | null) =>
      void send({ kind, version, message: message ?? null, key: crypto.randomUUID() }),
  };
}
