/** Shared set-up for the trade-desk integration tests: master ids, valid inputs, keys, waiting. */
import type { KapasClient, RouterInputs } from '@kapas/client';

export type Masters = {
  cottonId: string;
  exGin: string;
  doorDelivery: string;
  credit30: string;
  advance: string;
  rajkot: string;
  akola: string;
  gujarat: string;
  shankar6: string;
};

export async function loadMasters(client: KapasClient): Promise<Masters> {
  const [commodities, delivery, payment, varieties, tree] = await Promise.all([
    client.masters.commodities.query({ includeInactive: false }),
    client.masters.items.query({ kind: 'DELIVERY_TERM', pageSize: 100 }),
    client.masters.items.query({ kind: 'PAYMENT_TERM', pageSize: 100 }),
    client.masters.items.query({ kind: 'VARIETY', pageSize: 100 }),
    client.masters.locations.query(),
  ]);
  const code = (items: { items: { code: string; id: string }[] }, c: string) => items.items.find((i) => i.code === c)!.id;
  const stations = tree.flatMap((s) => s.regions.flatMap((r) => r.stations));
  return {
    cottonId: commodities.find((c) => c.code === 'COTTON')!.id,
    exGin: code(delivery, 'EX_GIN'),
    doorDelivery: code(delivery, 'DOOR_DELIVERY'),
    credit30: code(payment, 'CREDIT_30'),
    advance: code(payment, 'ADVANCE'),
    shankar6: code(varieties, 'SHANKAR_6'),
    rajkot: stations.find((s) => s.name === 'Rajkot')!.id,
    akola: stations.find((s) => s.name === 'Akola')!.id,
    gujarat: tree.find((s) => s.gstCode === '24')!.id,
  };
}

export function tradeInput(m: Masters, over: Partial<RouterInputs['trades']['create']> = {}): RouterInputs['trades']['create'] {
  return {
    commodityId: m.cottonId,
    varietyId: m.shankar6,
    quantity: '500',
    qualityRanges: [
      { name: 'staple_length', min: 28, max: 30, preferred: 29 },
      { name: 'micronaire', min: 3.8, max: 4.5 },
    ],
    deliveryStationId: m.rajkot,
    deliveryTermId: m.exGin,
    paymentTermId: m.credit30,
    targetPrice: '52000',
    post: true,
    ...over,
  };
}

/**
 * A whole `trades.update` input (it replaces the trade, so every field is named): the fields of
 * `tradeInput` with the rest left empty, for the trade `ref`.
 */
export function tradeUpdateInput(
  m: Masters,
  ref: { id: string; version: number },
  over: Partial<RouterInputs['trades']['update']> = {},
): RouterInputs['trades']['update'] {
  return {
    branchId: null,
    commodityId: m.cottonId,
    varietyId: m.shankar6,
    quantity: '500',
    qualityRanges: [
      { name: 'staple_length', min: 28, max: 30, preferred: 29 },
      { name: 'micronaire', min: 3.8, max: 4.5 },
    ],
    tradeTypeId: null,
    bargainTypeId: null,
    passingTermId: null,
    weightmentTermId: null,
    deliveryTermId: m.exGin,
    deliveryDays: null,
    paymentTermId: m.credit30,
    paymentDays: null,
    deliveryStateId: null,
    deliveryRegionId: null,
    deliveryStationId: m.rajkot,
    stationOnly: false,
    requiredCertificates: [],
    targetPrice: '52000',
    urgency: 'NORMAL',
    notes: null,
    validityDays: null,
    id: ref.id,
    version: ref.version,
    ...over,
  };
}

export const GOOD_VALUES = { staple_length: 29, micronaire: 4.1, strength: 29.5, trash: 2.1, moisture: 7.5 };

export function lotInput(m: Masters, over: Partial<RouterInputs['lots']['publish']> = {}): RouterInputs['lots']['publish'] {
  return {
    commodityId: m.cottonId,
    varietyId: m.shankar6,
    stationId: m.akola,
    quantity: '300',
    parameters: GOOD_VALUES,
    lab: 'CIRCOT Nagpur',
    testedOn: new Date().toISOString().slice(0, 10),
    askingPrice: '53000',
    ...over,
  };
}

let counter = 0;
export const newKey = (label = 'k') => `${label}-${process.pid}-${Date.now()}-${counter++}`;

export async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export type Seen = { id: number; type: string; payload: Record<string, unknown> };

/** Follows an offer's negotiation room from the beginning. */
export function followRoom(client: KapasClient, offerId: string) {
  const seen: Seen[] = [];
  const errors: unknown[] = [];
  const sub = client.offers.onNegotiation.subscribe(
    { offerId, lastEventId: 0 },
    { onData: (item) => seen.push(item.data as Seen), onError: (e) => errors.push(e) },
  );
  return { seen, errors, stop: () => sub.unsubscribe() };
}

export function followFeed(client: KapasClient) {
  const seen: Seen[] = [];
  const sub = client.tradeDesk.onMyFeed.subscribe({ lastEventId: 0 }, { onData: (item) => seen.push(item.data as Seen) });
  return { seen, stop: () => sub.unsubscribe() };
}

/** Follows the back-office trade-desk stream from the beginning (staff). */
export function followBackOffice(client: KapasClient) {
  const seen: Seen[] = [];
  const sub = client.tradeDesk.onBackOffice.subscribe({ lastEventId: 0 }, { onData: (item) => seen.push(item.data as Seen) });
  return { seen, stop: () => sub.unsubscribe() };
}
