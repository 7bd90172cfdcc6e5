import type { KapasClient } from '@kapas/client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

// Setup the trade-desk browser tests share: what one of them does in the browser, the others do
// through the typed client, against the seed masters.

// The machine is shared: generous waits, since every step still has to happen without a reload.
export const VISIBLE = { state: 'visible', timeout: 30_000 } as const;
export const BUYER = 'buyer@saurashtra-mills.example';
export const SELLER = 'seller@vidarbha-ginning.example';

/** A browser context of its own (own cookies: one user each) at desktop size; `contexts` collects it for afterAll to close. */
export async function newContext(browser: Browser, contexts: BrowserContext[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  contexts.push(context);
  return context;
}

/** A page whose waits are as generous as VISIBLE. */
export async function newPageIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(VISIBLE.timeout);
  return page;
}

/** The quality the test trades ask for; OFFER_PARAMETERS lie inside every range. */
export const QUALITY_RANGES = [
  { name: 'staple_length', min: 27, max: 31 },
  { name: 'micronaire', min: 3.5, max: 4.9 },
  { name: 'strength', min: 26, max: 32 },
  { name: 'trash', min: 0, max: 4 },
  { name: 'moisture', min: 0, max: 9 },
];
export const OFFER_PARAMETERS = { staple_length: 29, micronaire: 4.1, strength: 29, trash: 2, moisture: 7 };

/** The seed masters a test trade names: the first commodity, delivery and payment term, and a Gujarat station. */
export async function seedTradeMasters(api: KapasClient) {
  const [commodity] = await api.masters.commodities.query({});
  const items = async (kind: 'DELIVERY_TERM' | 'PAYMENT_TERM') =>
    (await api.masters.items.query({ kind, page: 1, pageSize: 100 })).items;
  const [delivery] = await items('DELIVERY_TERM');
  const [payment] = await items('PAYMENT_TERM');
  const gujarat = (await api.masters.locations.query()).find((state) => state.name === 'Gujarat');
  const region = gujarat?.regions[0];
  const station = region?.stations[0];
  if (!commodity || !delivery || !payment || !gujarat || !region || !station) throw new Error('seed masters missing');
  return { commodity, delivery, payment, gujarat, region, station };
}

/** A posted 40-bale trade by the buyer and a 54,000 offer on it by the seller, through the typed client. */
export async function tradeWithOffer(buyerApi: KapasClient, sellerApi: KapasClient) {
  const { commodity, delivery, payment, gujarat, region, station } = await seedTradeMasters(buyerApi);
  const trade = await buyerApi.trades.create.mutate({
    commodityId: commodity.id,
    quantity: '40',
    qualityRanges: QUALITY_RANGES,
    deliveryTermId: delivery.id,
    paymentTermId: payment.id,
    deliveryStateId: gujarat.id,
    deliveryRegionId: region.id,
    deliveryStationId: station.id,
    post: true,
  });
  const offer = await sellerApi.offers.submit.mutate({
    tradeId: trade.id,
    price: '54000',
    quantity: '40',
    parameters: OFFER_PARAMETERS,
    stationId: station.id,
    idempotencyKey: crypto.randomUUID(),
  });
  return { trade, offer };
}

/** Marks the document: if the page reloaded, the marker is gone. */
export async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.dataset.e2eMarker = 'no-reload';
  });
}

export async function stillNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.dataset.e2eMarker)).toBe('no-reload');
}
