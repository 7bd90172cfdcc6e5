/** Tested lots (DOMAIN §6.2): publish, list, read, withdraw. */
import { allocateNumber, documents, lots, offers } from '@kapas/db';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { offsetOf, type Page } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { appendBackOfficeEvent, appendFeedEvent } from './events';
import { checkBranch, loadCommodity, loadStations } from './lookups';
import { loadMatchSettings } from './match-service';
import { auditOrigin, type Origin } from './origin';
import { assertTradingPartner } from './partner-guard';
import { matchLotToTrades } from './pre-match';
import { type LotState, lotMachine } from './rules/lot-state';
import { measurementErrors } from './rules/ranges';
import type { byIdInput, myLotsInput, publishLotInput, withdrawLotInput } from './schemas';
import { branchAllowed, callerPartner, isStaffReader, ownsRow } from './scope';
import { type LotView, lotView } from './views';

const DAY_MS = 86_400_000;

export async function publishLot(o: Origin, input: z.infer<typeof publishLotInput>): Promise<LotView> {
  const partnerId = callerPartner(o.actor);
  await assertTradingPartner(o.deps.db, partnerId, ['SELLER', 'TRADER'], 'sellers and traders publish lots');
  const branchId = input.branchId ?? o.actor.branchIds?.[0] ?? null;
  if (branchId !== null) {
    if (!branchAllowed(o.actor, branchId))
      throw new DomainError('NOT_FOUND', 'Branch not found.', { fieldErrors: { branchId: ['Unknown branch'] } });
    await checkBranch(o.deps.db, partnerId, branchId);
  }
  const commodity = await loadCommodity(o.deps.db, input.commodityId);
  const errors = measurementErrors(input.parameters, commodity.template);
  if (Object.keys(errors).length > 0) {
    throw new DomainError('PARAMETERS_OUT_OF_RANGE', 'Some measured values lie outside the commodity bounds.', {
      fieldErrors: errors,
    });
  }
  if (!(await loadStations(o.deps.db)).has(input.stationId)) {
    throw new DomainError('BAD_REQUEST', 'Unknown station.', { fieldErrors: { stationId: ['Unknown station'] } });
  }
  const now = o.deps.clock();
  if (input.testedOn > now.toISOString().slice(0, 10)) {
    throw new DomainError('BAD_REQUEST', 'The test date cannot be in the future.', {
      fieldErrors: { testedOn: ['Cannot be in the future'] },
    });
  }
  if (input.reportDocumentId) {
    const [doc] = await o.deps.db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.id, input.reportDocumentId), eq(documents.partnerId, partnerId)));
    if (!doc)
      throw new DomainError('NOT_FOUND', 'Report document not found.', {
        fieldErrors: { reportDocumentId: ['Unknown document'] },
      });
  }
  const settings = await loadMatchSettings(o.deps.settings);
  return transact(o.deps, async (tx) => {
    const number = await allocateNumber(tx, 'LOT', now.getUTCFullYear(), 5);
    const [row] = await tx
      .insert(lots)
      .values({
        number,
        sellerPartnerId: partnerId,
        branchId,
        createdByUserId: o.actor.userId,
        commodityId: input.commodityId,
        varietyId: input.varietyId ?? null,
        stationId: input.stationId,
        quantity: input.quantity,
        available: input.quantity,
        parameters: input.parameters,
        reportDocumentId: input.reportDocumentId ?? null,
        lab: input.lab,
        testedOn: input.testedOn,
        askingPrice: input.askingPrice ?? null,
        validUntil: new Date(now.getTime() + input.validityDays * DAY_MS).toISOString(),
      })
      .returning();
    await appendAudit(tx, auditOrigin(o, now), { action: 'lot.publish', entityType: 'lot', entityId: row!.id, newValues: row });
    await appendBackOfficeEvent(tx, 'lot.published', { lotId: row!.id, lotNumber: number, sellerPartnerId: partnerId });
    await matchLotToTrades(tx, row!, settings, now);
    return lotView(row!);
  });
}

export async function myLots(o: Origin, input: z.infer<typeof myLotsInput>): Promise<Page<LotView>> {
  const partnerId = callerPartner(o.actor);
  const filters: (SQL | undefined)[] = [eq(lots.sellerPartnerId, partnerId)];
  if (o.actor.branchIds !== null)
    filters.push(inArray(lots.branchId, o.actor.branchIds.length ? o.actor.branchIds : ['00000000-0000-0000-0000-000000000000']));
  if (input.status?.length) filters.push(inArray(lots.status, input.status));
  if (input.commodityId) filters.push(eq(lots.commodityId, input.commodityId));
  const where = and(...filters);
  const [items, [total]] = await Promise.all([
    o.deps.db.select().from(lots).where(where).orderBy(desc(lots.createdAt)).limit(input.pageSize).offset(offsetOf(input)),
    o.deps.db.select({ n: count() }).from(lots).where(where),
  ]);
  return { items: items.map(lotView), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function getLot(o: Origin, input: z.infer<typeof byIdInput>): Promise<LotView> {
  const [row] = await o.deps.db.select().from(lots).where(eq(lots.id, input.id));
  if (!row || !(isStaffReader(o.actor) || ownsRow(o.actor, row.sellerPartnerId, row.branchId))) {
    throw new DomainError('NOT_FOUND', 'Lot not found.');
  }
  return lotView(row);
}

/** Withdrawing keeps bales already reserved by live offers with those offers; nothing new can use the lot. */
export async function withdrawLot(o: Origin, input: z.infer<typeof withdrawLotInput>): Promise<LotView> {
  callerPartner(o.actor);
  return transact(o.deps, async (tx) => {
    const now = o.deps.clock();
    const [lot] = await tx.select().from(lots).where(eq(lots.id, input.id)).for('update');
    if (!lot || !ownsRow(o.actor, lot.sellerPartnerId, lot.branchId)) throw new DomainError('NOT_FOUND', 'Lot not found.');
    if (lot.version !== input.version)
      throw new DomainError('STALE_VERSION', `Lot has moved on to version ${lot.version}; refresh and try again.`);
    const step = lotMachine.transition(lot.status as LotState, 'WITHDRAW');
    if (!step.ok) throw new DomainError(step.error.code, step.error.message, { state: lot.status });
    const [live] = await tx
      .select({ n: count() })
      .from(offers)
      .where(and(eq(offers.lotId, lot.id), inArray(offers.status, ['PENDING', 'COUNTERED'])));
    const [row] = await tx
      .update(lots)
      .set({ status: 'WITHDRAWN', version: lot.version + 1, updatedAt: now.toISOString() })
      .where(eq(lots.id, lot.id))
      .returning();
    await appendAudit(tx, auditOrigin(o, now), {
      action: 'lot.withdraw',
      entityType: 'lot',
      entityId: lot.id,
      oldValues: { status: lot.status },
      newValues: { status: 'WITHDRAWN', liveOffers: live?.n ?? 0 },
    });
    await appendFeedEvent(tx, lot.sellerPartnerId, 'lot.withdrawn', {
      lotId: lot.id,
      lotNumber: lot.number,
      status: 'WITHDRAWN',
    });
    return lotView(row!);
  });
}
