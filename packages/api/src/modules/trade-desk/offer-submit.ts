/** Submitting an offer on a trade (DOMAIN §6.3): version 1 of a negotiation, optionally from a tested lot. */
import { allocateNumber, commodities, lots, offers, offerVersions, trades } from '@kapas/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { isUniqueViolation } from '../../shared/db-errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { appendOfferEvents } from './events';
import { idempotent } from './idempotency';
import { loadStations, tradeCertifications } from './lookups';
import { reserveLot } from './lot-quantities';
import { auditOrigin, type Origin } from './origin';
import { assertTradingPartner } from './partner-guard';
import { withRetry } from './retry';
import { Dec } from './rules/decimal';
import { certificateCounts } from './rules/match-filters';
import { measurementErrors } from './rules/ranges';
import { type TradeState, tradeMachine } from './rules/trade-state';
import type { submitOfferInput } from './schemas';
import { branchAllowed, callerPartner } from './scope';
import { assertTradeOpen } from './trade-open';
import { type OfferView, offerView } from './views';

const HOUR_MS = 3_600_000;
type Input = z.infer<typeof submitOfferInput>;

export async function submitOffer(o: Origin, input: Input): Promise<OfferView> {
  const sellerId = callerPartner(o.actor);
  const branchId = input.branchId ?? o.actor.branchIds?.[0] ?? null;
  if (branchId !== null && !branchAllowed(o.actor, branchId)) {
    throw new DomainError('NOT_FOUND', 'Branch not found.', { fieldErrors: { branchId: ['Unknown branch'] } });
  }
  const validityHours = input.validityHours ?? (await o.deps.settings.number('offer.validityHours', 48));
  const stations = await loadStations(o.deps.db);
  try {
    return await withRetry(() =>
      transact(o.deps, (tx) =>
        idempotent(
          tx,
          { userId: o.actor.userId, key: input.idempotencyKey, operation: 'offers.submit', payload: input },
          async () => {
            const now = o.deps.clock();
            await assertTradingPartner(tx, sellerId, ['SELLER', 'TRADER'], 'sellers and traders make offers');
            const [trade] = await tx.select().from(trades).where(eq(trades.id, input.tradeId)).for('update');
            if (!trade || trade.status === 'DRAFT') throw new DomainError('NOT_FOUND', 'Trade not found.');
            if (trade.buyerPartnerId === sellerId) throw new DomainError('FORBIDDEN', 'You cannot offer on your own trade.');
            assertTradeOpen(trade, now);

            let parameters = input.parameters ?? {};
            let stationId = input.stationId ?? null;
            if (input.lotId) {
              const [lot] = await tx.select().from(lots).where(eq(lots.id, input.lotId));
              if (!lot || lot.sellerPartnerId !== sellerId || !branchAllowed(o.actor, lot.branchId)) {
                throw new DomainError('NOT_FOUND', 'Lot not found.', { fieldErrors: { lotId: ['Unknown lot'] } });
              }
              if (lot.status !== 'ACTIVE' || new Date(lot.validUntil).getTime() <= now.getTime()) {
                throw new DomainError(
                  'CONFLICT',
                  `Lot ${lot.number} is ${lot.status === 'ACTIVE' ? 'past its validity' : lot.status}.`,
                  { state: lot.status },
                );
              }
              if (lot.commodityId !== trade.commodityId) {
                throw new DomainError('BAD_REQUEST', 'The lot is of another commodity.', {
                  fieldErrors: { lotId: ['Different commodity'] },
                });
              }
              parameters = lot.parameters;
              stationId = lot.stationId;
            }
            if (stationId && !stations.has(stationId)) {
              throw new DomainError('BAD_REQUEST', 'Unknown station.', { fieldErrors: { stationId: ['Unknown station'] } });
            }
            const [commodity] = await tx
              .select({ t: commodities.qualityTemplate })
              .from(commodities)
              .where(eq(commodities.id, trade.commodityId));
            const template = (commodity?.t ?? []).map((p) => ({ ...p, mandatory: false }));
            const errors = measurementErrors(parameters, template);
            if (Object.keys(errors).length) {
              throw new DomainError('PARAMETERS_OUT_OF_RANGE', 'Some parameter values lie outside the commodity bounds.', {
                fieldErrors: errors,
              });
            }
            if (trade.requiredCertificates.length) {
              const held = (await tradeCertifications(tx, [sellerId], now)).get(sellerId) ?? [];
              const missing = trade.requiredCertificates.filter(
                (type) => !held.some((c) => c.type === type && certificateCounts(c, now)),
              );
              if (missing.length) {
                throw new DomainError(
                  'CERTIFICATE_MISMATCH',
                  `This trade requires certificates you do not hold: ${missing.join(', ')}.`,
                  { missing },
                );
              }
            }
            if (trade.stationOnly && stationId !== trade.deliveryStationId) {
              throw new DomainError('LOCATION_MISMATCH', 'This trade takes offers from its delivery station only.', {
                fieldErrors: { stationId: ['Must be the trade’s station'] },
              });
            }
            const remaining = new Dec(trade.quantity).minus(trade.allocated);
            if (new Dec(input.quantity).gt(remaining)) {
              throw new DomainError('INSUFFICIENT_QUANTITY', `Only ${remaining.toFixed(3)} bales remain open on this trade.`, {
                fieldErrors: { quantity: [`At most ${remaining.toFixed(3)}`] },
              });
            }
            const [dup] = await tx
              .select({ id: offers.id })
              .from(offers)
              .where(
                and(
                  eq(offers.tradeId, trade.id),
                  eq(offers.sellerPartnerId, sellerId),
                  inArray(offers.status, ['PENDING', 'COUNTERED']),
                ),
              );
            if (dup)
              throw new DomainError(
                'DUPLICATE_OFFER',
                'You already have a live offer on this trade; counter or withdraw it instead.',
                { offerId: dup.id },
              );

            const number = await allocateNumber(tx, 'OF', now.getUTCFullYear(), 5);
            const validUntil = new Date(now.getTime() + validityHours * HOUR_MS).toISOString();
            const [offer] = await tx
              .insert(offers)
              .values({
                number,
                tradeId: trade.id,
                buyerPartnerId: trade.buyerPartnerId,
                sellerPartnerId: sellerId,
                sellerBranchId: branchId,
                lotId: input.lotId ?? null,
                createdByUserId: o.actor.userId,
                status: 'PENDING',
                turn: 'BUYER',
                price: input.price,
                quantity: input.quantity,
                parameters,
                stationId,
                deliveryTermId: input.deliveryTermId ?? trade.deliveryTermId,
                paymentTermId: input.paymentTermId ?? trade.paymentTermId,
                validUntil,
                lastActivityAt: now.toISOString(),
                message: input.message ?? null,
                createdAt: now.toISOString(),
              })
              .returning();
            await tx.insert(offerVersions).values({
              offerId: offer!.id,
              version: 1,
              side: 'SELLER',
              action: 'OFFER',
              price: offer!.price,
              quantity: offer!.quantity,
              validUntil,
              message: input.message ?? null,
              actorUserId: o.actor.userId,
              createdAt: now.toISOString(),
            });
            if (input.lotId) await reserveLot(tx, input.lotId, input.quantity, now);
            const step = tradeMachine.transition(trade.status as TradeState, 'OFFER_RECEIVED');
            if (step.ok && step.state !== trade.status) {
              await tx
                .update(trades)
                .set({ status: step.state, version: trade.version + 1, updatedAt: now.toISOString() })
                .where(eq(trades.id, trade.id));
            }
            await appendAudit(tx, auditOrigin(o, now), {
              action: 'offer.submit',
              entityType: 'offer',
              entityId: offer!.id,
              newValues: offer,
            });
            await appendOfferEvents(
              tx,
              'offer.received',
              {
                offerId: offer!.id,
                offerNumber: number,
                tradeId: trade.id,
                tradeNumber: trade.number,
                version: 1,
                status: 'PENDING',
                turn: 'BUYER',
                price: offer!.price,
                quantity: offer!.quantity,
                validUntil,
                by: 'SELLER',
                action: 'OFFER',
                buyerPartnerId: trade.buyerPartnerId,
                sellerPartnerId: sellerId,
                tradeBranchId: trade.branchId,
                sellerBranchId: branchId,
              },
              [trade.buyerPartnerId],
            );
            return offerView(offer!);
          },
        ),
      ),
    );
  } catch (error) {
    // The partial unique index is the last line of defence against two racing first offers.
    if (isUniqueViolation(error)) throw new DomainError('DUPLICATE_OFFER', 'You already have a live offer on this trade.');
    throw error;
  }
}
