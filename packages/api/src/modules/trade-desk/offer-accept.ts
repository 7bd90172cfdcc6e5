/**
 * Acceptance (DOMAIN §6.3), binding, in one transaction: offer ACCEPTED, trade allocation and
 * state, lot reserved → sold, the contract, events and audit.
 */
import { contracts, type DbOrTx, partners, trades } from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { appendAudit } from '../audit/append';
import { type PartnerState, tradeBlockCode } from '../partners/rules/onboarding';
import { prepareContract } from './contract-create';
import { appendOfferEvents } from './events';
import { sellFromLot } from './lot-quantities';
import {
  inactivityMs,
  type OfferActionResult,
  partnerOfSide,
  payloadOf,
  recordVersion,
  rule,
  run,
  writeOffer,
} from './offer-action-core';
import { closeLiveOffers } from './offer-close';
import { auditOrigin, type Origin } from './origin';
import { allocate } from './rules/allocation';
import { latestVersion } from './rules/negotiation';
import { type TradeState, tradeMachine } from './rules/trade-state';
import type { offerActionInput } from './schemas';
import { assertTradeOpen } from './trade-open';
import { offerView } from './views';

async function assertMayTrade(tx: DbOrTx, partnerId: string, who: string) {
  const [p] = await tx.select({ status: partners.status }).from(partners).where(eq(partners.id, partnerId));
  const block = tradeBlockCode((p?.status ?? 'INACTIVE') as PartnerState);
  if (block) throw new DomainError(block, `The ${who}'s account is ${p?.status ?? 'unknown'}; the offer cannot be accepted now.`);
}

/**
 * Acceptance, binding, in one transaction: offer ACCEPTED, trade allocation and state, lot
 * reserved → sold, the contract, events and audit. Events are appended before the contract row:
 * should anything after them fail, the whole transaction (events included) rolls back (R6).
 */
export async function acceptOffer(o: Origin, input: z.infer<typeof offerActionInput>): Promise<OfferActionResult> {
  const idle = await inactivityMs(o);
  return run(o, 'offers.accept', input, async (tx, locked, now) => {
    const { trade, offer, side } = locked;
    rule(locked, { type: 'ACCEPT', by: side, answersVersion: input.version }, now, idle);
    assertTradeOpen(trade, now);
    // Binding: both parties must still be allowed to trade (ACTIVE, KYC current).
    await assertMayTrade(tx, offer.buyerPartnerId, 'buyer');
    await assertMayTrade(tx, offer.sellerPartnerId, 'seller');
    const accepted = latestVersion(locked.negotiation);
    const allocation = allocate(trade.quantity, trade.allocated, accepted.quantity);
    if (!allocation.ok) throw new DomainError(allocation.code, allocation.message, { remaining: allocation.remaining });
    const step = tradeMachine.transition(
      trade.status as TradeState,
      allocation.fullyAllocated ? 'FULLY_ALLOCATED' : 'PARTLY_ALLOCATED',
    );
    if (!step.ok) throw new DomainError(step.error.code, step.error.message, { state: trade.status });

    const row = await writeOffer(tx, offer, input.version, {
      status: 'ACCEPTED',
      lastActivityAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    await recordVersion(tx, o, row, side, 'ACCEPT', input.message ?? null, now);
    const [updatedTrade] = await tx
      .update(trades)
      .set({ allocated: allocation.allocated, status: step.state, version: trade.version + 1, updatedAt: now.toISOString() })
      .where(and(eq(trades.id, trade.id), eq(trades.version, trade.version)))
      .returning();
    if (!updatedTrade) throw new DomainError('CONFLICT', 'Trade changed meanwhile; try again.');
    if (offer.lotId) await sellFromLot(tx, offer.lotId, accepted.quantity, now);
    // A fully allocated trade takes nothing more: the other live offers are closed.
    if (allocation.fullyAllocated) await closeLiveOffers(tx, updatedTrade, now, 'REJECT', null);

    const contract = await prepareContract(tx, trade, offer, accepted, now);
    await appendOfferEvents(
      tx,
      'offer.accepted',
      { ...payloadOf(updatedTrade, row, side, 'ACCEPT'), contractId: contract.id, contractNumber: contract.number },
      [offer.buyerPartnerId, offer.sellerPartnerId],
    );
    await tx.insert(contracts).values(contract.values);
    await appendAudit(tx, auditOrigin(o, now), {
      action: 'offer.accept',
      entityType: 'offer',
      entityId: offer.id,
      partnerId: partnerOfSide(offer, side),
      oldValues: { status: offer.status, version: offer.version },
      newValues: { status: 'ACCEPTED', acceptedVersion: accepted.version, side, allocated: allocation.allocated },
    });
    await appendAudit(tx, auditOrigin(o, now), {
      action: 'contract.create',
      entityType: 'contract',
      entityId: contract.id,
      partnerId: trade.buyerPartnerId,
      newValues: { number: contract.number, value: contract.values.value, documentHash: contract.values.documentHash },
    });
    return { offer: offerView(row), contractId: contract.id, contractNumber: contract.number };
  });
}
