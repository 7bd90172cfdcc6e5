/**
 * Demo trade desk (runs inside the demo seed's transaction): posted trades from the BUYER demo
 * partner, a tested lot from the SELLER, an offer in negotiation (2 versions) and one accepted
 * offer with its contract. The API's services cannot be called from this package, so the rows are
 * written with the same invariants by hand: lot available + reserved + sold = quantity, trade
 * allocated = accepted quantities, contract value = bales × 170 / 355.6222 × price, document hash =
 * SHA-256 of the sorted-key JSON. Idempotent: does nothing once any trade exists.
 */
import { createHash, randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { allocateNumber } from './numbers';
import { commodities, contracts, lots, masterItems, offers, offerVersions, partners, regions, stations, trades } from './schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** bales × 170 / 355.6222 × price in exact integer arithmetic, rounded half-up to paise (DOMAIN §2). */
function contractValue(bales: number, price: number): string {
  const numerator = BigInt(bales) * 170n * BigInt(price) * 100n * 10_000n;
  const denominator = 3_556_222n;
  const paise = (numerator * 2n + denominator) / (2n * denominator);
  return `${paise / 100n}.${String(paise % 100n).padStart(2, '0')}`;
}

export async function seedTradeDesk(tx: DbOrTx, now: Date): Promise<void> {
  const [existing] = await tx.select({ id: trades.id }).from(trades).limit(1);
  if (existing) return;
  const parties = await tx
    .select({
      id: partners.id,
      type: partners.businessType,
      legalName: partners.legalName,
      tradeName: partners.tradeName,
      gstin: partners.gstin,
      pan: partners.pan,
    })
    .from(partners)
    .where(inArray(partners.gstin, ['24AABCS1234K1ZM', '27AAFCV5678L1ZJ']));
  const buyer = parties.find((p) => p.type === 'BUYER');
  const seller = parties.find((p) => p.type === 'SELLER');
  const [cotton] = await tx
    .select({ id: commodities.id, name: commodities.name })
    .from(commodities)
    .where(eq(commodities.code, 'COTTON'));
  if (!buyer || !seller || !cotton) return;
  const items = await tx
    .select({ id: masterItems.id, kind: masterItems.kind, code: masterItems.code, name: masterItems.name })
    .from(masterItems);
  const item = (kind: string, code: string) => items.find((i) => i.kind === kind && i.code === code)!;
  const stationRows = await tx
    .select({ id: stations.id, name: stations.name, regionId: regions.id, stateId: regions.stateId })
    .from(stations)
    .innerJoin(regions, eq(regions.id, stations.regionId))
    .where(inArray(stations.name, ['Rajkot', 'Akola']));
  const rajkot = stationRows.find((s) => s.name === 'Rajkot')!;
  const akola = stationRows.find((s) => s.name === 'Akola')!;
  const shankar = item('VARIETY', 'SHANKAR_6');
  const exGin = item('DELIVERY_TERM', 'EX_GIN');
  const credit30 = item('PAYMENT_TERM', 'CREDIT_30');
  const year = now.getUTCFullYear();
  const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();

  const trade = async (quantity: string, status: string, allocated: string, urgency = 'NORMAL') => {
    const [row] = await tx
      .insert(trades)
      .values({
        number: await allocateNumber(tx, 'TR', year, 5),
        buyerPartnerId: buyer.id,
        commodityId: cotton.id,
        varietyId: shankar.id,
        quantity,
        allocated,
        qualityRanges: [
          { name: 'staple_length', min: 28, max: 30, preferred: 29 },
          { name: 'micronaire', min: 3.8, max: 4.5 },
        ],
        deliveryTermId: exGin.id,
        deliveryDays: 0,
        paymentTermId: credit30.id,
        paymentDays: 30,
        deliveryStateId: rajkot.stateId,
        deliveryRegionId: rajkot.regionId,
        deliveryStationId: rajkot.id,
        targetPrice: '52000.00',
        urgency,
        status,
        validUntil: iso(7 * DAY),
        postedAt: iso(-2 * HOUR),
      })
      .returning();
    return row!;
  };
  const negotiating = await trade('500.000', 'NEGOTIATION', '0.000');
  await trade('200.000', 'POSTED', '0.000', 'URGENT');
  const agreed = await trade('100.000', 'AGREED', '100.000');

  const parameters = { staple_length: 29, micronaire: 4.1, strength: 29.5, trash: 2.1, moisture: 7.5 };
  const [lot] = await tx
    .insert(lots)
    .values({
      number: await allocateNumber(tx, 'LOT', year, 5),
      sellerPartnerId: seller.id,
      commodityId: cotton.id,
      varietyId: shankar.id,
      stationId: akola.id,
      quantity: '400.000',
      available: '150.000',
      reserved: '150.000',
      sold: '100.000',
      parameters,
      lab: 'CIRCOT Nagpur',
      testedOn: iso(-3 * DAY).slice(0, 10),
      askingPrice: '53000.00',
      validUntil: iso(30 * DAY),
    })
    .returning();

  const offer = async (
    tradeId: string,
    quantity: string,
    status: string,
    versions: { side: string; action: string; price: string }[],
  ) => {
    const last = versions.at(-1)!;
    const [row] = await tx
      .insert(offers)
      .values({
        number: await allocateNumber(tx, 'OF', year, 5),
        tradeId,
        buyerPartnerId: buyer.id,
        sellerPartnerId: seller.id,
        lotId: lot!.id,
        status,
        turn: last.side === 'SELLER' ? 'BUYER' : 'SELLER',
        price: versions.filter((v) => v.action === 'OFFER' || v.action === 'COUNTER').at(-1)!.price,
        quantity,
        parameters,
        stationId: akola.id,
        deliveryTermId: exGin.id,
        paymentTermId: credit30.id,
        validUntil: iso(40 * HOUR),
        lastActivityAt: iso(-HOUR),
        version: versions.length,
      })
      .returning();
    await tx.insert(offerVersions).values(
      versions.map((v, i) => ({
        offerId: row!.id,
        version: i + 1,
        side: v.side,
        action: v.action,
        price: v.price,
        quantity,
        validUntil: iso(40 * HOUR),
        createdAt: iso(-HOUR * (versions.length - i)),
      })),
    );
    return row!;
  };
  await offer(negotiating.id, '150.000', 'COUNTERED', [
    { side: 'SELLER', action: 'OFFER', price: '53000.00' },
    { side: 'BUYER', action: 'COUNTER', price: '52200.00' },
  ]);
  const won = await offer(agreed.id, '100.000', 'ACCEPTED', [
    { side: 'SELLER', action: 'OFFER', price: '52500.00' },
    { side: 'BUYER', action: 'ACCEPT', price: '52500.00' },
  ]);

  const id = randomUUID();
  const number = await allocateNumber(tx, 'TD', year, 5);
  const snapshot = (p: typeof buyer) => ({
    partnerId: p.id,
    legalName: p.legalName,
    tradeName: p.tradeName,
    businessType: p.type,
    pan: p.pan,
    gstin: p.gstin,
    email: null,
    mobile: null,
    headOffice: null,
  });
  const value = contractValue(100, 52500);
  const terms = {
    deliveryTermId: exGin.id,
    deliveryTerm: exGin.name,
    deliveryDays: 0,
    paymentTermId: credit30.id,
    paymentTerm: credit30.name,
    paymentDays: 30,
    deliveryStationId: rajkot.id,
    sellerStationId: akola.id,
    requiredCertificates: [],
  };
  const document = {
    number,
    createdAt: now.toISOString(),
    tradeId: agreed.id,
    tradeNumber: agreed.number,
    offerId: won.id,
    offerNumber: won.number,
    acceptedVersion: 1,
    buyer: snapshot(buyer),
    seller: snapshot(seller),
    commodity: { id: cotton.id, name: cotton.name },
    variety: { id: shankar.id, name: shankar.name },
    lotId: lot!.id,
    quantity: '100.000',
    quantityUnit: 'BALE',
    price: '52500.00',
    priceUnit: 'INR_PER_CANDY',
    value,
    currency: 'INR',
    terms,
    quality: parameters,
  };
  await tx.insert(contracts).values({
    id,
    number,
    offerId: won.id,
    tradeId: agreed.id,
    buyerPartnerId: buyer.id,
    sellerPartnerId: seller.id,
    buyerSnapshot: document.buyer,
    sellerSnapshot: document.seller,
    commodityId: cotton.id,
    varietyId: shankar.id,
    lotId: lot!.id,
    quantity: '100.000',
    price: '52500.00',
    value,
    terms,
    quality: parameters,
    acceptedVersion: 1,
    document,
    documentHash: createHash('sha256').update(canonicalJson(document)).digest('hex'),
    createdAt: now.toISOString(),
  });
}
