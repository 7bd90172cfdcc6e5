/** Trades (DOMAIN §6.1): create, update, post, cancel. Reads live in trade-read.ts. */
import { allocateNumber, type DbOrTx, offers, type Transaction, trades } from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { appendBackOfficeEvent, appendFeedEvent } from './events';
import { checkBranch, loadCommodity, loadStations } from './lookups';
import { loadMatchSettings } from './match-service';
import { closeLiveOffers } from './offer-close';
import { auditOrigin, type Origin } from './origin';
import { assertTradingPartner } from './partner-guard';
import { preMatchTrade } from './pre-match';
import { withRetry as retryable } from './retry';
import { rangeErrors } from './rules/ranges';
import { cancelTrade, type TradeState, tradeMachine } from './rules/trade-state';
import type { cancelTradeInput, createTradeInput, TradeFields, tradeRefInput, updateTradeInput } from './schemas';
import { branchAllowed, callerPartner, ownsRow } from './scope';
import { type TradeView, tradeView } from './views';

type TradeRow = typeof trades.$inferSelect;
const DAY_MS = 86_400_000;

async function resolveBranch(o: Origin, partnerId: string, branchId: string | null | undefined): Promise<string | null> {
  const chosen = branchId ?? o.actor.branchIds?.[0] ?? null;
  if (chosen === null) return null;
  if (!branchAllowed(o.actor, chosen))
    throw new DomainError('NOT_FOUND', 'Branch not found.', { fieldErrors: { branchId: ['Unknown branch'] } });
  await checkBranch(o.deps.db, partnerId, chosen);
  return chosen;
}

/** Validates the fields and returns the column values (location derived from the station). */
async function tradeValues(o: Origin, input: TradeFields, posting: boolean) {
  const commodity = await loadCommodity(o.deps.db, input.commodityId);
  if (!commodity.active)
    throw new DomainError('BAD_REQUEST', 'This commodity is not traded any more.', {
      fieldErrors: { commodityId: ['Inactive commodity'] },
    });
  const errors = rangeErrors(input.qualityRanges, commodity.template);
  if (Object.keys(errors).length > 0) {
    throw new DomainError('PARAMETERS_OUT_OF_RANGE', 'Some quality ranges lie outside the commodity bounds.', {
      fieldErrors: errors,
    });
  }
  let { deliveryStateId, deliveryRegionId } = input;
  if (input.deliveryStationId) {
    const station = (await loadStations(o.deps.db)).get(input.deliveryStationId);
    if (!station)
      throw new DomainError('BAD_REQUEST', 'Unknown station.', { fieldErrors: { deliveryStationId: ['Unknown station'] } });
    deliveryStateId = station.stateId;
    deliveryRegionId = station.regionId ?? null;
  }
  if (posting) {
    const missing: Record<string, string[]> = {};
    if (!deliveryStateId) missing.deliveryStateId = ['Delivery location is required to post'];
    if (!input.deliveryTermId) missing.deliveryTermId = ['Delivery term is required to post'];
    if (!input.paymentTermId) missing.paymentTermId = ['Payment term is required to post'];
    if (input.stationOnly && !input.deliveryStationId) missing.deliveryStationId = ['"Station only" needs a station'];
    if (Object.keys(missing).length)
      throw new DomainError('BAD_REQUEST', 'Some fields are needed before posting.', { fieldErrors: missing });
  }
  const validityDays = input.validityDays ?? (await o.deps.settings.number('trade.validityDays', 7));
  const { validityDays: _v, branchId: _b, ...fields } = input;
  return {
    ...fields,
    varietyId: fields.varietyId ?? null,
    deliveryStateId: deliveryStateId ?? null,
    deliveryRegionId: deliveryRegionId ?? null,
    targetPrice: fields.targetPrice ?? null,
    validUntil: new Date(o.deps.clock().getTime() + validityDays * DAY_MS).toISOString(),
  };
}

export async function createTrade(o: Origin, input: z.infer<typeof createTradeInput>): Promise<TradeView> {
  const partnerId = callerPartner(o.actor);
  await assertTradingPartner(o.deps.db, partnerId, ['BUYER', 'TRADER'], 'buyers and traders post trades');
  const branchId = await resolveBranch(o, partnerId, input.branchId);
  const { post, ...fields } = input;
  const values = await tradeValues(o, fields, post);
  const match = post ? await preMatchSettings(o) : null;
  return transact(o.deps, async (tx) => {
    const now = o.deps.clock();
    const number = await allocateNumber(tx, 'TR', now.getUTCFullYear(), 5);
    const [row] = await tx
      .insert(trades)
      .values({
        ...values,
        number,
        buyerPartnerId: partnerId,
        branchId,
        createdByUserId: o.actor.userId,
        status: post ? 'POSTED' : 'DRAFT',
        postedAt: post ? now.toISOString() : null,
      })
      .returning();
    await appendAudit(tx, auditOrigin(o, now), {
      action: 'trade.create',
      entityType: 'trade',
      entityId: row!.id,
      newValues: row,
    });
    if (post) await afterPost(tx, o, row!, now, match!);
    return tradeView(row!);
  });
}

function preMatchSettings(o: Origin) {
  return loadMatchSettings(o.deps.settings);
}

async function afterPost(
  tx: Transaction,
  o: Origin,
  row: TradeRow,
  now: Date,
  match: Awaited<ReturnType<typeof preMatchSettings>>,
) {
  await appendAudit(tx, auditOrigin(o, now), {
    action: 'trade.post',
    entityType: 'trade',
    entityId: row.id,
    newValues: { status: 'POSTED' },
  });
  await appendBackOfficeEvent(tx, 'trade.posted', {
    tradeId: row.id,
    tradeNumber: row.number,
    status: row.status,
    urgency: row.urgency,
  });
  await preMatchTrade(tx, row, match, now);
}

/** Loads the trade for change under a row lock; another partner's (or branch's) trade is NOT_FOUND. */
export async function lockTrade(tx: DbOrTx, o: Origin, id: string, staffCapability?: 'tradedesk:manage'): Promise<TradeRow> {
  const [row] = await tx.select().from(trades).where(eq(trades.id, id)).for('update');
  const staffOk = staffCapability !== undefined && o.actor.kind === 'BACK_OFFICE' && o.actor.capabilities.has(staffCapability);
  if (!row || (!staffOk && !ownsRow(o.actor, row.buyerPartnerId, row.branchId)))
    throw new DomainError('NOT_FOUND', 'Trade not found.');
  return row;
}

function staleTrade(row: TradeRow, version: number) {
  if (row.version !== version) {
    throw new DomainError('STALE_VERSION', `Trade has moved on to version ${row.version}; refresh and try again.`);
  }
}

/**
 * An edited trade: the back-office row refreshes staff screens; the owner's feed row refreshes the
 * owner's other tabs (branch-scoped for sub-users by `tradeBranchId`).
 */
async function announceEdit(tx: DbOrTx, row: TradeRow) {
  const payload = {
    tradeId: row.id,
    tradeNumber: row.number,
    status: row.status,
    version: row.version,
    buyerPartnerId: row.buyerPartnerId,
    tradeBranchId: row.branchId,
  };
  await appendFeedEvent(tx, row.buyerPartnerId, 'trade.updated', payload);
  await appendBackOfficeEvent(tx, 'trade.updated', payload);
}

/**
 * Replaces the whole trade (the schema makes every field explicit, so nothing is reset by
 * omission); only DRAFT, or POSTED with no offer yet.
 */
export async function updateTrade(o: Origin, input: z.infer<typeof updateTradeInput>): Promise<TradeView> {
  const partnerId = callerPartner(o.actor);
  const { id, version, ...fields } = input;
  const branchId = await resolveBranch(o, partnerId, fields.branchId);
  const current = await transact(o.deps, (tx) => lockTrade(tx, o, id));
  const values = await tradeValues(o, fields, current.status !== 'DRAFT');
  return retryable(() =>
    transact(o.deps, async (tx) => {
      const now = o.deps.clock();
      const before = await lockTrade(tx, o, id);
      staleTrade(before, version);
      const [live] = await tx.select({ id: offers.id }).from(offers).where(eq(offers.tradeId, id)).limit(1);
      if (!(before.status === 'DRAFT' || before.status === 'POSTED') || live) {
        throw new DomainError(
          'CONFLICT',
          `Trade is ${before.status}${live ? ' and has offers' : ''}; it can no longer be edited.`,
          {
            state: before.status,
          },
        );
      }
      const [row] = await tx
        .update(trades)
        .set({ ...values, branchId, version: version + 1, updatedAt: now.toISOString() })
        .where(and(eq(trades.id, id), eq(trades.version, version)))
        .returning();
      await appendAudit(tx, auditOrigin(o, now), {
        action: 'trade.update',
        entityType: 'trade',
        entityId: id,
        oldValues: before,
        newValues: row,
      });
      await announceEdit(tx, row!);
      return tradeView(row!);
    }),
  );
}

export async function postTrade(o: Origin, input: z.infer<typeof tradeRefInput>): Promise<TradeView> {
  const partnerId = callerPartner(o.actor);
  await assertTradingPartner(o.deps.db, partnerId, ['BUYER', 'TRADER'], 'buyers and traders post trades');
  // Re-validate the stored draft as if it were submitted now (templates or masters may have changed).
  const t = await transact(o.deps, (tx) => lockTrade(tx, o, input.id));
  const stored: TradeFields = {
    branchId: t.branchId,
    commodityId: t.commodityId,
    varietyId: t.varietyId,
    quantity: t.quantity,
    qualityRanges: t.qualityRanges,
    tradeTypeId: t.tradeTypeId,
    bargainTypeId: t.bargainTypeId,
    passingTermId: t.passingTermId,
    weightmentTermId: t.weightmentTermId,
    deliveryTermId: t.deliveryTermId,
    deliveryDays: t.deliveryDays,
    paymentTermId: t.paymentTermId,
    paymentDays: t.paymentDays,
    deliveryStateId: t.deliveryStateId,
    deliveryRegionId: t.deliveryRegionId,
    deliveryStationId: t.deliveryStationId,
    stationOnly: t.stationOnly,
    requiredCertificates: t.requiredCertificates,
    targetPrice: t.targetPrice,
    urgency: t.urgency === 'URGENT' ? 'URGENT' : 'NORMAL',
    notes: t.notes,
    validityDays: null,
  };
  await tradeValues(o, stored, true);
  const match = await preMatchSettings(o);
  const validityDays = await o.deps.settings.number('trade.validityDays', 7);
  return transact(o.deps, async (tx) => {
    const now = o.deps.clock();
    const before = await lockTrade(tx, o, input.id);
    staleTrade(before, input.version);
    const step = tradeMachine.transition(before.status as TradeState, 'POST');
    if (!step.ok) throw new DomainError(step.error.code, step.error.message, { state: before.status });
    // A draft kept for long still gets a full validity window from the moment it is posted.
    const validUntil = new Date(
      Math.max(new Date(before.validUntil).getTime(), now.getTime() + validityDays * DAY_MS),
    ).toISOString();
    const [row] = await tx
      .update(trades)
      .set({
        status: 'POSTED',
        postedAt: now.toISOString(),
        validUntil,
        version: before.version + 1,
        updatedAt: now.toISOString(),
      })
      .where(and(eq(trades.id, before.id), eq(trades.version, before.version)))
      .returning();
    await afterPost(tx, o, row!, now, match);
    return tradeView(row!);
  });
}

/** Owner or staff with tradedesk:manage; only while nothing is agreed. Live offers are closed (REJECTED) with events. */
export async function cancelTradeService(o: Origin, input: z.infer<typeof cancelTradeInput>): Promise<TradeView> {
  if (o.actor.kind === 'PARTNER' && !o.actor.capabilities.has('trade:create')) {
    throw new DomainError('FORBIDDEN', 'Cancelling a trade needs the trade:create permission.');
  }
  return retryable(() =>
    transact(o.deps, async (tx) => {
      const now = o.deps.clock();
      const before = await lockTrade(tx, o, input.id, 'tradedesk:manage');
      staleTrade(before, input.version);
      const step = cancelTrade(before.status as TradeState, before.allocated);
      if (!step.ok) throw new DomainError(step.error.code, step.error.message, { state: before.status });
      const [row] = await tx
        .update(trades)
        .set({ status: 'CANCELLED', version: before.version + 1, updatedAt: now.toISOString() })
        .where(and(eq(trades.id, before.id), eq(trades.version, before.version)))
        .returning();
      await closeLiveOffers(tx, row!, now, 'REJECT', o.actor.userId);
      await appendAudit(tx, auditOrigin(o, now), {
        action: 'trade.cancel',
        entityType: 'trade',
        entityId: before.id,
        partnerId: before.buyerPartnerId,
        oldValues: { status: before.status },
        newValues: { status: 'CANCELLED', reason: input.reason ?? null },
      });
      await appendBackOfficeEvent(tx, 'trade.cancelled', { tradeId: row!.id, tradeNumber: row!.number, status: 'CANCELLED' });
      return tradeView(row!);
    }),
  );
}
