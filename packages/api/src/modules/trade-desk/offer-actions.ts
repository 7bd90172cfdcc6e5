/** Counter, reject and withdraw (DOMAIN §6.3); acceptance is in offer-accept.ts. Locking and idempotency: offer-action-core.ts. */

import { trades } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { appendAudit } from '../audit/append';
import { appendOfferEvents } from './events';
import { releaseLot, reserveLot } from './lot-quantities';
import {
  inactivityMs,
  type OfferActionResult,
  other,
  partnerOfSide,
  payloadOf,
  recordVersion,
  rule,
  run,
  writeOffer,
} from './offer-action-core';
import { auditOrigin, type Origin } from './origin';
import { Dec, quantity } from './rules/decimal';
import { type TradeState, tradeMachine } from './rules/trade-state';
import type { counterOfferInput, offerActionInput } from './schemas';
import { assertTradeOpen } from './trade-open';
import { offerView } from './views';

export type { OfferActionResult } from './offer-action-core';

const HOUR_MS = 3_600_000;
export async function counterOffer(o: Origin, input: z.infer<typeof counterOfferInput>): Promise<OfferActionResult> {
  const idle = await inactivityMs(o);
  const validityHours = input.validityHours ?? (await o.deps.settings.number('offer.validityHours', 48));
  return run(o, 'offers.counter', input, async (tx, locked, now) => {
    const { trade, offer, side } = locked;
    const validUntil = new Date(now.getTime() + validityHours * HOUR_MS);
    const terms = {
      price: input.price,
      quantity: input.quantity,
      validUntil,
      ...(input.message ? { message: input.message } : {}),
    };
    rule(locked, { type: 'COUNTER', by: side, answersVersion: input.version, terms }, now, idle);
    assertTradeOpen(trade, now);
    const remaining = new Dec(trade.quantity).minus(trade.allocated);
    if (new Dec(input.quantity).gt(remaining)) {
      throw new DomainError('INSUFFICIENT_QUANTITY', `Only ${quantity(remaining)} bales remain open on this trade.`, {
        fieldErrors: { quantity: [`At most ${quantity(remaining)}`] },
      });
    }
    if (offer.lotId) {
      const diff = new Dec(input.quantity).minus(offer.quantity);
      if (diff.gt(0)) await reserveLot(tx, offer.lotId, quantity(diff), now);
      if (diff.lt(0)) await releaseLot(tx, offer.lotId, quantity(diff.neg()), now);
    }
    const row = await writeOffer(tx, offer, input.version, {
      status: 'COUNTERED',
      turn: other(side),
      price: input.price,
      quantity: input.quantity,
      validUntil: validUntil.toISOString(),
      lastActivityAt: now.toISOString(),
      message: input.message ?? null,
      updatedAt: now.toISOString(),
    });
    await recordVersion(tx, o, row, side, 'COUNTER', input.message ?? null, now);
    const step = tradeMachine.transition(trade.status as TradeState, 'COUNTER');
    if (step.ok && step.state !== trade.status) {
      await tx
        .update(trades)
        .set({ status: step.state, version: trade.version + 1, updatedAt: now.toISOString() })
        .where(eq(trades.id, trade.id));
    }
    await appendAudit(tx, auditOrigin(o, now), {
      action: 'offer.counter',
      entityType: 'offer',
      entityId: offer.id,
      partnerId: partnerOfSide(offer, side),
      oldValues: { version: offer.version, price: offer.price, quantity: offer.quantity },
      newValues: { version: row.version, price: row.price, quantity: row.quantity, side },
    });
    await appendOfferEvents(tx, 'offer.countered', payloadOf(trade, row, side, 'COUNTER'), [partnerOfSide(offer, other(side))]);
    return { offer: offerView(row), contractId: null, contractNumber: null };
  });
}

async function close(
  o: Origin,
  input: z.infer<typeof offerActionInput>,
  type: 'REJECT' | 'WITHDRAW',
): Promise<OfferActionResult> {
  const idle = await inactivityMs(o);
  return run(o, type === 'REJECT' ? 'offers.reject' : 'offers.withdraw', input, async (tx, locked, now) => {
    const { trade, offer, side } = locked;
    rule(locked, { type, by: side, answersVersion: input.version }, now, idle);
    const status = type === 'REJECT' ? 'REJECTED' : 'WITHDRAWN';
    const row = await writeOffer(tx, offer, input.version, {
      status,
      lastActivityAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    await recordVersion(tx, o, row, side, type, input.message ?? null, now);
    if (offer.lotId) await releaseLot(tx, offer.lotId, offer.quantity, now);
    await appendAudit(tx, auditOrigin(o, now), {
      action: type === 'REJECT' ? 'offer.reject' : 'offer.withdraw',
      entityType: 'offer',
      entityId: offer.id,
      partnerId: partnerOfSide(offer, side),
      oldValues: { status: offer.status, version: offer.version },
      newValues: { status, version: row.version, side },
    });
    await appendOfferEvents(tx, type === 'REJECT' ? 'offer.rejected' : 'offer.withdrawn', payloadOf(trade, row, side, type), [
      partnerOfSide(offer, other(side)),
    ]);
    return { offer: offerView(row), contractId: null, contractNumber: null };
  });
}

export const rejectOffer = (o: Origin, input: z.infer<typeof offerActionInput>) => close(o, input, 'REJECT');
export const withdrawOffer = (o: Origin, input: z.infer<typeof offerActionInput>) => close(o, input, 'WITHDRAW');
