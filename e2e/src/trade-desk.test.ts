import { signInAs, type TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PASSWORD, signIn, signInStaff, startApps } from './harness';
import { BUYER, markNoReload, newContext, newPageIn, SELLER, stillNoReload, tradeWithOffer, VISIBLE } from './trade-desk-helpers';

const SENTENCE = 'Need 100 bales Shankar-6 staple 28-30 mic 3.8-4.5 at 52000 per candy delivered Rajkot, 30 days credit';

/** 100 bales at ₹52,500 per candy = 100 × 170 / 355.6222 × 52500 (DOMAIN §2), grouped en-IN. */
const EXPECTED_VALUE = '₹25,09,685.84';

describe('trade desk: quick entry → lot offer → two counters → acceptance, live in two browsers', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const newPage = async (): Promise<Page> => newPageIn(await newContext(browser, contexts));

  beforeAll(async () => {
    server = await startApps();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('negotiates a contract between a buyer and a seller, both screens updating without reload', async () => {
    // Both sign in and land on the trade desk (the home for users with trade:read).
    const buyer = await newPage();
    const seller = await newPage();
    for (const [page, email] of [
      [buyer, BUYER],
      [seller, SELLER],
    ] as const) {
      await page.goto(`${server.url}/`);
      await page.waitForURL(/\/sign-in/);
      await signIn(page, email, PASSWORD);
      await page.waitForURL(/\/trade-desk$/);
      await page.getByRole('heading', { name: 'Trade desk', level: 1 }).waitFor(VISIBLE);
      await page.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor(VISIBLE);
    }

    // Back office watches the trade-desk dashboard in a third context.
    const admin = await newPage();
    await admin.goto(`${server.url}/admin/`);
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInStaff(admin, server, 'admin@kapas.local');
    await admin.getByRole('link', { name: 'Dashboard' }).click();
    await admin.waitForURL(/\/admin\/trade-desk$/);
    await admin.getByRole('heading', { name: 'Trade desk', level: 1 }).waitFor(VISIBLE);
    const contractsBefore = Number(await admin.getByTestId('kpi-contracts').textContent());
    await markNoReload(admin);

    // Seller publishes a tested lot at Akola.
    await seller.getByRole('link', { name: 'Tested lots' }).click();
    await seller.waitForURL(/\/trade-desk\/lots$/);
    const lotForm = seller.getByRole('form', { name: 'Publish a tested lot' });
    await lotForm.waitFor(VISIBLE);
    await lotForm.getByLabel('Variety').selectOption({ label: 'Shankar-6' });
    await lotForm.getByLabel('Station').selectOption({ label: 'Akola (Maharashtra)' });
    await lotForm.getByLabel('Lot quantity (bales)').fill('150');
    for (const [label, value] of [
      ['Staple length', '29'],
      ['Micronaire', '4.2'],
      ['Strength', '29'],
      ['Trash', '2.5'],
      ['Moisture', '7'],
    ] as const) {
      await lotForm.getByLabel(`Measured ${label}`, { exact: true }).fill(value);
    }
    await lotForm.getByLabel('Testing lab').fill('Vidarbha Cotton Testing Lab');
    await lotForm.getByLabel('Asking price (₹ per candy)').fill('53000');
    await lotForm.getByLabel(/^Lab report/).setInputFiles({
      name: 'lab-report.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await lotForm.getByRole('button', { name: 'Publish lot' }).click();
    // The demo data may hold lots already: the new one is named by the success message.
    const published = seller.getByText(/^Lot LOT-\d{4}-\d{5} published$/);
    await published.waitFor(VISIBLE);
    const lotNumber = /LOT-\d{4}-\d{5}/.exec((await published.textContent()) ?? '')?.[0] ?? '';
    expect(await seller.getByText('the lab report did not upload').count()).toBe(0);
    const lotRow = seller.getByTestId(`lot-${lotNumber}`);
    await lotRow.waitFor(VISIBLE);
    expect(await lotRow.getByTestId('lot-available').textContent()).toContain('150 available');
    await seller.screenshot({ path: '/tmp/kapas-web-trade-desk-lots.png', fullPage: true });

    // The seller watches the desk; from here on neither page reloads.
    await seller.getByRole('link', { name: 'Desk', exact: true }).click();
    await seller.waitForURL(/\/trade-desk$/);
    await markNoReload(seller);

    // Buyer: quick entry fills the form and lists what is still needed.
    await buyer.getByRole('link', { name: 'New trade' }).first().click();
    await buyer.waitForURL(/\/trade-desk\/trades\/new/);
    await buyer.getByLabel('Quick entry').fill(SENTENCE);
    await buyer.getByRole('button', { name: 'Fill the form' }).click();
    const missing = buyer.getByTestId('missing-fields');
    await missing.waitFor(VISIBLE);
    const missingText = (await missing.textContent()) ?? '';
    expect(missingText).toContain('Delivery term');
    expect(missingText).not.toContain('Quantity');
    expect(await buyer.getByLabel('Quantity (bales)').inputValue()).toBe('100');
    expect(await buyer.getByLabel('Target price (₹ per candy)').inputValue()).toBe('52000');
    expect(await buyer.getByLabel('Staple length minimum').inputValue()).toBe('28');
    await buyer.screenshot({ path: '/tmp/kapas-web-trade-desk-quick-entry.png', fullPage: true });
    await markNoReload(buyer);

    // Fill whatever the form still asks for.
    await buyer.getByLabel('Delivery term', { exact: true }).selectOption({ label: 'Ex-Gin' });
    for (const [label, min, max] of [
      ['Strength', '27', '31'],
      ['Trash', '0', '3'],
      ['Moisture', '0', '8'],
    ] as const) {
      const minField = buyer.getByLabel(`${label} minimum`, { exact: true });
      if ((await minField.inputValue()) === '') {
        await minField.fill(min);
        await buyer.getByLabel(`${label} maximum`, { exact: true }).fill(max);
      }
    }
    await buyer.getByRole('button', { name: 'Post trade' }).click();
    await buyer.waitForURL(/\/trade-desk\/trades\/[0-9a-f-]{36}$/);
    const tradeNumber = ((await buyer.getByTestId('trade-number').textContent()) ?? '').replace('Trade ', '').trim();
    expect(tradeNumber).toMatch(/^TR-\d{4}-\d{5}$/);

    // Back office: the trade is in the list; force-match it to the seller.
    await admin.getByRole('link', { name: 'Trades', exact: true }).click();
    await admin.waitForURL(/\/admin\/trade-desk\/trades/);
    await admin.getByRole('cell', { name: new RegExp(`^${tradeNumber}`) }).waitFor(VISIBLE);
    await admin.getByRole('button', { name: `Force-match ${tradeNumber}` }).click();
    const matchDialog = admin.getByRole('dialog');
    await matchDialog.waitFor(VISIBLE);
    await matchDialog.getByLabel(/Vidarbha Ginning/).check();
    await matchDialog.getByRole('button', { name: 'Notify as match' }).click();
    await admin.getByText(`1 seller told about ${tradeNumber}`).waitFor(VISIBLE);
    await admin.getByRole('link', { name: 'Dashboard' }).click();
    await admin.waitForURL(/\/admin\/trade-desk$/);

    // Seller: the posted trade appears in the open market live (pre-matching told the seller).
    const marketRow = seller.getByTestId(`market-${tradeNumber}`);
    await marketRow.waitFor(VISIBLE);
    await marketRow.getByRole('link', { name: 'Make offer' }).click();
    await seller.waitForURL(/\/offer$/);
    const lotSelect = seller.getByLabel('From tested lot');
    await lotSelect.locator(`option:has-text("${lotNumber}")`).waitFor({ state: 'attached' });
    const lotValue = await lotSelect.locator(`option:has-text("${lotNumber}")`).getAttribute('value');
    await lotSelect.selectOption(lotValue ?? '');
    await seller.getByLabel('Price (₹ per candy)').fill('53000');
    await seller.getByLabel('Quantity (bales)').fill('100');
    await seller.getByRole('button', { name: 'Send offer' }).click();
    await seller.waitForURL(/\/trade-desk\/offers\/[0-9a-f-]{36}$/);
    const offerNumber = ((await seller.getByTestId('offer-number').textContent()) ?? '').replace('Offer ', '').trim();
    await seller.getByTestId('version-1').waitFor(VISIBLE);

    // Buyer: the offer shows up on the trade page live, ranked with its score.
    const ranked = buyer.getByTestId(`ranked-offer-${offerNumber}`);
    await ranked.waitFor(VISIBLE);
    await ranked.getByTestId('score-badge').waitFor(VISIBLE);
    await buyer.screenshot({ path: '/tmp/kapas-web-trade-desk-trade.png', fullPage: true });
    await ranked.getByRole('link', { name: offerNumber }).click();
    await buyer.waitForURL(/\/trade-desk\/offers\//);
    await buyer.getByTestId('turn-indicator').filter({ hasText: 'Your turn' }).waitFor(VISIBLE);

    // Buyer counters at 52,000.
    const counter = async (page: Page, price: string) => {
      const form = page.getByRole('form', { name: 'Counter-offer' });
      await form.getByLabel('Price (₹ per candy)').fill(price);
      await form.getByRole('button', { name: 'Send counter-offer' }).click();
    };
    await counter(buyer, '52000');
    await buyer.getByTestId('version-2').waitFor(VISIBLE);
    // Seller's room updates live: version 2 and the turn.
    await seller.getByTestId('version-2').waitFor(VISIBLE);
    await seller.getByTestId('turn-indicator').filter({ hasText: 'Your turn' }).waitFor(VISIBLE);

    // Seller counters at 52,500.
    await counter(seller, '52500');
    await buyer.getByTestId('version-3').waitFor(VISIBLE);
    await buyer.getByTestId('turn-indicator').filter({ hasText: 'Your turn' }).waitFor(VISIBLE);
    expect(await buyer.getByTestId('current-price').textContent()).toBe('₹52,500 / candy');

    // Buyer accepts: a binding contract; both rooms show it without reloading.
    await buyer.getByTestId('accept-offer').click();
    await buyer.getByRole('alertdialog').getByRole('button', { name: 'Accept offer' }).click();
    const numbers: string[] = [];
    const values: string[] = [];
    for (const page of [buyer, seller]) {
      const banner = page.getByTestId('contract-banner');
      await banner.waitFor(VISIBLE);
      numbers.push(((await banner.getByTestId('contract-number').textContent()) ?? '').trim());
      values.push(((await banner.getByTestId('contract-value').textContent()) ?? '').trim());
      await stillNoReload(page);
    }
    expect(numbers[0]).toMatch(/^TD-\d{4}-\d{5}$/);
    expect(numbers[1]).toBe(numbers[0]);
    expect(values[0]).toBe(EXPECTED_VALUE);
    expect(values[1]).toBe(values[0]);
    await buyer.screenshot({ path: '/tmp/kapas-web-trade-desk-accepted-buyer.png', fullPage: true });
    await seller.screenshot({ path: '/tmp/kapas-web-trade-desk-accepted-seller.png', fullPage: true });

    // The back-office dashboard counted the contract live, and the trade list filters by state in the URL.
    await admin.locator('[data-testid="kpi-contracts"]', { hasText: new RegExp(`^${contractsBefore + 1}$`) }).waitFor(VISIBLE);
    await stillNoReload(admin);
    await admin.screenshot({ path: '/tmp/kapas-admin-trade-desk.png', fullPage: true });
    await admin.getByRole('link', { name: 'Trades', exact: true }).click();
    await admin.waitForURL(/\/admin\/trade-desk\/trades/);
    await admin.getByLabel('State', { exact: true }).selectOption('AGREED');
    await admin.waitForURL(/status=AGREED/);
    await admin.getByRole('cell', { name: new RegExp(`^${tradeNumber}`) }).waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-trade-desk-trades.png', fullPage: true });

    // The printable contract carries the same number, value and its document hash.
    await seller.getByTestId('contract-banner').getByTestId('contract-number').click();
    await seller.waitForURL(/\/trade-desk\/contracts\//);
    expect((await seller.getByTestId('contract-number').textContent())?.trim()).toBe(numbers[0]);
    expect((await seller.getByTestId('contract-value').textContent())?.trim()).toBe(EXPECTED_VALUE);
    expect((await seller.getByTestId('document-hash').textContent())?.trim()).toMatch(/^[0-9a-f]{64}$/);
    await seller.screenshot({ path: '/tmp/kapas-web-trade-desk-contract.png', fullPage: true });
  });

  it('rolls back an optimistic counter and explains when the offer moved on (STALE_VERSION)', async () => {
    // A second trade and offer, set up through the typed client (what the first test did in the browser).
    const [buyerApi, sellerApi] = [await signInAs(server, BUYER), await signInAs(server, SELLER)];
    const { offer } = await tradeWithOffer(buyerApi, sellerApi);

    // The buyer's tab has no live connection (its WebSocket goes nowhere), so it keeps showing version 1.
    const page = await newPage();
    await page.routeWebSocket(/\/trpc/, () => {});
    await page.goto(`${server.url}/sign-in`);
    await signIn(page, BUYER, PASSWORD);
    await page.waitForURL(/\/trade-desk$/);
    await page.goto(`${server.url}/trade-desk/offers/${offer.id}`);
    await page.getByTestId('turn-indicator').filter({ hasText: 'Your turn' }).waitFor(VISIBLE);

    // Meanwhile the buyer's other session answers version 1 …
    await buyerApi.offers.counter.mutate({
      offerId: offer.id,
      version: 1,
      price: '53000',
      quantity: '40',
      idempotencyKey: crypto.randomUUID(),
    });

    // … so this tab's counter on version 1 shows at once, then is rolled back with an explanation.
    const form = page.getByRole('form', { name: 'Counter-offer' });
    await form.getByLabel('Price (₹ per candy)').fill('52000');
    await form.getByRole('button', { name: 'Send counter-offer' }).click();
    await page.getByText('The offer moved on before your action').waitFor(VISIBLE);
    await page.getByTestId('version-2').waitFor(VISIBLE);
    expect(await page.getByTestId('version-2').getByTestId('version-price').textContent()).toBe('₹53,000 / candy');
    await page.getByTestId('turn-indicator').filter({ hasText: 'Waiting for the seller' }).waitFor(VISIBLE);
    expect(await page.getByTestId('version-3').count()).toBe(0);
    await page.screenshot({ path: '/tmp/kapas-web-trade-desk-stale.png', fullPage: true });
  });
});
