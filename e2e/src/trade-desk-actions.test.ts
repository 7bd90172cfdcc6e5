import { signInAs, type TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PASSWORD, signIn, signInStaff, startApps } from './harness';
import {
  BUYER,
  markNoReload,
  newContext,
  newPageIn,
  OFFER_PARAMETERS,
  QUALITY_RANGES,
  SELLER,
  seedTradeMasters,
  stillNoReload,
  VISIBLE,
} from './trade-desk-helpers';

// The trade-desk actions the main journey (trade-desk.test.ts) does not take: editing a draft,
// cancelling a trade, a back-office invitation, and withdrawing or rejecting an offer, each seen
// live by the other party. Setup the main journey already covers goes through the typed client.

type Api = Awaited<ReturnType<typeof signInAs>>;
type RangeInput = { name: string; min: number; max: number };

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const stateBadge = (page: Page, scope: string, state: string) =>
  page.getByTestId(scope).locator(`[data-testid="state-badge"][data-state="${state}"]`).first();

/**
 * Changes the next `trades.update` on the wire, as a client whose own checks were out of date would
 * send it: the API's field errors are then the only thing that can stop the save.
 */
async function alterNextUpdate(page: Page, change: (input: { qualityRanges: RangeInput[] }) => void): Promise<void> {
  await page.route(
    /\/trpc\/[^?]*trades\.update/,
    async (route) => {
      const request = route.request();
      const paths = decodeURIComponent(new URL(request.url()).pathname.split('/trpc/')[1] ?? '').split(',');
      const body = request.postDataJSON() as Record<string, { qualityRanges: RangeInput[] }>;
      const input = body[String(paths.indexOf('trades.update'))];
      if (!input) throw new Error(`no trades.update in ${request.url()}`);
      change(input);
      await route.continue({ postData: JSON.stringify(body) });
    },
    { times: 1 },
  );
}

describe('trade desk actions: edit, cancel, invite, withdraw and reject, live in several browsers', () => {
  let server: TestServer;
  let browser: Browser;
  let buyerApi: Api;
  let sellerApi: Api;
  let buyer: Page;
  let seller: Page;
  // Every field named: `trades.update` replaces the whole trade and requires them all.
  let tradeFields: Omit<Parameters<Api['trades']['update']['mutate']>[0], 'id' | 'version'>;
  const createTrade = (post: boolean) => buyerApi.trades.create.mutate({ ...tradeFields, post });
  let stationId: string;
  /** The draft the first test edits and posts; the invitation and cancellation tests use it after. */
  let edited: { id: string; number: string };
  const contexts: BrowserContext[] = [];

  const newPage = async (): Promise<Page> => newPageIn(await newContext(browser, contexts));

  const signedIn = async (email: string): Promise<Page> => {
    const page = await newPage();
    await page.goto(`${server.url}/sign-in`);
    await signIn(page, email, PASSWORD);
    await page.waitForURL(/\/trade-desk$/);
    await page.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor(VISIBLE);
    return page;
  };

  /** Opens a page and waits until it shows its data over a live connection (so it misses no event). */
  const open = async (page: Page, path: string, ready: string): Promise<void> => {
    await page.goto(`${server.url}${path}`);
    await page.getByTestId(ready).waitFor(VISIBLE);
    await page.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor(VISIBLE);
    await markNoReload(page);
  };

  const submitOffer = (tradeId: string, price: string) =>
    sellerApi.offers.submit.mutate({
      tradeId,
      price,
      quantity: '40',
      parameters: OFFER_PARAMETERS,
      stationId,
      idempotencyKey: crypto.randomUUID(),
    });

  beforeAll(async () => {
    server = await startApps();
    browser = await launchBrowser();
    [buyerApi, sellerApi] = [await signInAs(server, BUYER), await signInAs(server, SELLER)];
    const { commodity, delivery, payment, station } = await seedTradeMasters(buyerApi);
    stationId = station.id;
    tradeFields = {
      branchId: null,
      commodityId: commodity.id,
      varietyId: null,
      quantity: '40',
      qualityRanges: QUALITY_RANGES,
      tradeTypeId: null,
      bargainTypeId: null,
      passingTermId: null,
      weightmentTermId: null,
      deliveryTermId: delivery.id,
      deliveryDays: null,
      paymentTermId: payment.id,
      paymentDays: null,
      deliveryStateId: null,
      deliveryRegionId: null,
      deliveryStationId: station.id,
      stationOnly: false,
      requiredCertificates: [],
      targetPrice: '52000',
      urgency: 'NORMAL',
      notes: null,
      validityDays: null,
    };
    buyer = await signedIn(BUYER);
    seller = await signedIn(SELLER);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('edits a draft with the create form, prefilled: cancel changes nothing, API field errors land on their field, a save shows the change, a stale save is refused', async () => {
    edited = await createTrade(false);
    await open(buyer, `/trade-desk/trades/${edited.id}`, 'trade-summary');
    await stateBadge(buyer, 'trade-summary', 'DRAFT').waitFor(VISIBLE);
    const form = buyer.getByRole('form', { name: 'Edit trade' });

    // Edit opens the form prefilled with the stored terms, focus on its first field.
    await buyer.getByRole('button', { name: 'Edit', exact: true }).click();
    await form.waitFor(VISIBLE);
    expect(await form.getByLabel('Quantity (bales)').inputValue()).toBe('40');
    expect(await form.getByLabel('Target price (₹ per candy)').inputValue()).toBe('52000');
    expect(await form.getByLabel('Staple length minimum', { exact: true }).inputValue()).toBe('27');
    expect(await form.getByLabel('Valid for (days)').inputValue()).toBe('7');
    expect(await activeId(buyer)).toBe('commodityId');

    // Cancel returns to the detail unchanged, focus back on Edit.
    await form.getByLabel('Quantity (bales)').fill('999');
    await form.getByRole('button', { name: 'Cancel', exact: true }).click();
    await buyer.getByTestId('trade-summary').waitFor(VISIBLE);
    expect(await buyer.getByTestId('trade-number').textContent()).toBe(`Trade ${edited.number}`);
    await buyer.getByText('40 bales', { exact: false }).first().waitFor(VISIBLE);
    expect(await activeText(buyer)).toBe('Edit');

    // Edit again, from the keyboard: the change is submitted with Enter.
    await buyer.keyboard.press('Enter');
    await form.waitFor(VISIBLE);
    expect(await form.getByLabel('Quantity (bales)').inputValue()).toBe('40');
    await form.getByLabel('Quantity (bales)').fill('60');
    await form.getByLabel('Target price (₹ per candy)').fill('51500');
    // This one save goes out with a staple minimum below the commodity's bounds: the API refuses it,
    // its message shows on the staple row, focus moves there, and nothing is saved.
    await alterNextUpdate(buyer, (input) => {
      const staple = input.qualityRanges.find((r) => r.name === 'staple_length');
      if (staple) staple.min = 10;
    });
    await form.getByLabel('Quantity (bales)').press('Enter');
    const stapleError = form.getByTestId('range-staple_length').getByTestId('field-error');
    await stapleError.waitFor(VISIBLE);
    expect(await stapleError.textContent()).toMatch(/Staple length cannot be below/);
    await form.getByTestId('form-errors').waitFor(VISIBLE);
    expect(await activeId(buyer)).toBe('range-staple_length-min');
    await buyer.screenshot({ path: '/tmp/kapas-web-trade-desk-edit-form.png', fullPage: true });
    expect((await buyerApi.trades.get.query({ id: edited.id })).trade.version).toBe(1);

    // Sent as typed, the save goes through (with the version the edit started from).
    await buyer.keyboard.press('Enter');
    await buyer.getByText(`Draft ${edited.number} saved`).waitFor(VISIBLE);
    await buyer.getByTestId('trade-summary').waitFor(VISIBLE);
    await buyer.getByTestId('trade-summary').getByText('60 bales').first().waitFor(VISIBLE);
    await buyer.getByTestId('trade-summary').getByText('₹51,500 / candy').waitFor(VISIBLE);
    await stateBadge(buyer, 'trade-summary', 'DRAFT').waitFor(VISIBLE);
    await stillNoReload(buyer);
    const saved = (await buyerApi.trades.get.query({ id: edited.id })).trade;
    expect([Number(saved.quantity), Number(saved.targetPrice), saved.version, saved.status]).toEqual([60, 51500, 2, 'DRAFT']);
    await buyer.screenshot({ path: '/tmp/kapas-web-trade-desk-edited.png', fullPage: true });

    // Another session saves while this form is open: this save names version 2 and overwrites nothing;
    // the form offers to start again from what the other session saved.
    await buyer.getByRole('button', { name: 'Edit', exact: true }).click();
    await form.waitFor(VISIBLE);
    await buyerApi.trades.update.mutate({ ...tradeFields, quantity: '70', targetPrice: '51500', id: edited.id, version: 2 });
    await form.getByLabel('Target price (₹ per candy)').fill('50000');
    await form.getByLabel('Target price (₹ per candy)').press('Enter');
    const movedOn = form.getByTestId('trade-moved-on');
    await movedOn.getByText(/your changes were not saved/).waitFor(VISIBLE);
    await movedOn.getByRole('button', { name: 'Start again from the latest version' }).click();
    await movedOn.waitFor({ state: 'detached' });
    expect(await form.getByLabel('Quantity (bales)').inputValue()).toBe('70');
    expect(await form.getByLabel('Target price (₹ per candy)').inputValue()).toBe('51500');
    await form.getByRole('button', { name: 'Cancel', exact: true }).click();
    await buyer.getByTestId('trade-summary').getByText('70 bales').first().waitFor(VISIBLE);
    const kept = (await buyerApi.trades.get.query({ id: edited.id })).trade;
    expect([Number(kept.quantity), Number(kept.targetPrice), kept.version]).toEqual([70, 51500, 3]);
  });

  it('posts the edited trade; the back office invites the seller, who is told live and opens it', async () => {
    await buyer.getByRole('button', { name: 'Post trade' }).click();
    await stateBadge(buyer, 'trade-summary', 'POSTED').waitFor(VISIBLE);
    expect(await buyer.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);

    // The seller watches the desk.
    await open(seller, '/trade-desk', 'desk-counters');

    const admin = await newPage();
    await admin.goto(`${server.url}/admin/sign-in`);
    await signInStaff(admin, server, 'admin@kapas.local');
    await admin.goto(`${server.url}/admin/trade-desk/trades`);
    await admin.getByRole('cell', { name: new RegExp(`^${edited.number}`) }).waitFor(VISIBLE);
    await admin.getByRole('button', { name: `Invite sellers to ${edited.number}` }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.waitFor(VISIBLE);
    await dialog.getByLabel(/Vidarbha Ginning/).check();
    await dialog.getByLabel('Message (optional)').fill('Please quote for this one');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`1 seller told about ${edited.number}`).waitFor(VISIBLE);

    // The seller's desk says so at once and opens the trade from there.
    await seller.getByText(`You are invited to offer on ${edited.number}`).waitFor(VISIBLE);
    await seller.getByText('Please quote for this one').waitFor(VISIBLE);
    const view = seller.getByRole('button', { name: 'View trade' });
    await view.waitFor(VISIBLE);
    await seller.screenshot({ path: '/tmp/kapas-web-trade-desk-invited.png' });
    await view.click();
    await seller.waitForURL(new RegExp(`/trade-desk/trades/${edited.id}$`));
    await seller.getByRole('link', { name: 'Make an offer' }).waitFor(VISIBLE);
    await stillNoReload(seller);
  });

  it('cancels a trade with a reason: the buyer sees it cancelled and the seller sees the offer closed live', async () => {
    const offer = await submitOffer(edited.id, '53000');
    await open(seller, `/trade-desk/offers/${offer.id}`, 'version-1');
    await open(buyer, `/trade-desk/trades/${edited.id}`, `ranked-offer-${offer.number}`);

    await buyer.getByRole('button', { name: 'Cancel trade' }).click();
    const dialog = buyer.getByRole('alertdialog', { name: 'Cancel this trade?' });
    await dialog.waitFor(VISIBLE);
    // The reason field has focus; Enter confirms.
    await buyer.keyboard.type('Requirement met from own stock');
    expect(await dialog.getByLabel('Reason (optional)').inputValue()).toBe('Requirement met from own stock');
    await buyer.screenshot({ path: '/tmp/kapas-web-trade-desk-cancel-dialog.png' });
    await buyer.keyboard.press('Enter');

    await stateBadge(buyer, 'trade-summary', 'CANCELLED').waitFor(VISIBLE);
    await stateBadge(buyer, `ranked-offer-${offer.number}`, 'REJECTED').waitFor(VISIBLE);
    expect(await buyer.getByRole('button', { name: 'Cancel trade' }).count()).toBe(0);
    await stillNoReload(buyer);

    await seller.locator('[data-testid="state-badge"][data-state="REJECTED"]').first().waitFor(VISIBLE);
    await seller.getByTestId('turn-indicator').filter({ hasText: 'Closed: rejected' }).waitFor(VISIBLE);
    await stillNoReload(seller);
    await buyer.screenshot({ path: '/tmp/kapas-web-trade-desk-cancelled.png', fullPage: true });
  });

  it('the seller withdraws an offer and the buyer sees it live; then the buyer rejects the next one and the seller sees it live', async () => {
    const trade = await createTrade(true);

    // Withdraw: the buyer watches the room, the seller acts.
    const first = await submitOffer(trade.id, '54000');
    await open(buyer, `/trade-desk/offers/${first.id}`, 'version-1');
    await buyer.getByTestId('turn-indicator').filter({ hasText: 'Your turn' }).waitFor(VISIBLE);
    await open(seller, `/trade-desk/offers/${first.id}`, 'version-1');
    await seller.getByRole('button', { name: 'Withdraw offer' }).click();
    const withdraw = seller.getByRole('alertdialog', { name: 'Withdraw this offer?' });
    await withdraw.getByLabel('Reason (optional)').fill('Lot sold elsewhere');
    await withdraw.getByRole('button', { name: 'Withdraw offer' }).click();

    const withdrawn = buyer.getByTestId('version-2');
    await withdrawn.waitFor(VISIBLE);
    expect(await withdrawn.getAttribute('data-action')).toBe('WITHDRAW');
    expect(await withdrawn.textContent()).toContain('Lot sold elsewhere');
    await buyer.locator('[data-testid="state-badge"][data-state="WITHDRAWN"]').first().waitFor(VISIBLE);
    await buyer.getByTestId('turn-indicator').filter({ hasText: 'Closed: withdrawn' }).waitFor(VISIBLE);
    expect(await buyer.getByTestId('accept-offer').count()).toBe(0);
    await stillNoReload(buyer);
    await buyer.screenshot({ path: '/tmp/kapas-web-trade-desk-withdrawn.png', fullPage: true });

    // Reject: the seller offers again (the first offer is closed), watches the room, the buyer acts.
    const second = await submitOffer(trade.id, '53500');
    await open(seller, `/trade-desk/offers/${second.id}`, 'version-1');
    await seller.getByTestId('turn-indicator').filter({ hasText: 'Waiting for the buyer' }).waitFor(VISIBLE);
    await open(buyer, `/trade-desk/offers/${second.id}`, 'version-1');
    await buyer.getByRole('button', { name: 'Reject', exact: true }).click();
    const reject = buyer.getByRole('alertdialog', { name: 'Reject this offer?' });
    await reject.getByText('the seller is told').waitFor(VISIBLE);
    await buyer.keyboard.type('Price too high');
    await buyer.keyboard.press('Enter');

    const rejected = seller.getByTestId('version-2');
    await rejected.waitFor(VISIBLE);
    expect(await rejected.getAttribute('data-action')).toBe('REJECT');
    expect(await rejected.textContent()).toContain('Price too high');
    await seller.locator('[data-testid="state-badge"][data-state="REJECTED"]').first().waitFor(VISIBLE);
    await seller.getByTestId('turn-indicator').filter({ hasText: 'Closed: rejected' }).waitFor(VISIBLE);
    expect(await seller.getByRole('button', { name: 'Withdraw offer' }).count()).toBe(0);
    await stillNoReload(seller);
    await seller.screenshot({ path: '/tmp/kapas-web-trade-desk-rejected.png', fullPage: true });
  });
});
