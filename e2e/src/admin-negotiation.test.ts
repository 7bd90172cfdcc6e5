import type { KapasClient } from '@kapas/client';
import { signInAs, type TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PASSWORD, signIn, signInStaff, startApps } from './harness';
import { BUYER, markNoReload, newContext, newPageIn, SELLER, stillNoReload, tradeWithOffer, VISIBLE } from './trade-desk-helpers';

/** SUPER_ADMIN: holds negotiation:act-for (packages/auth DEFAULT_ROLES). */
const ACT_FOR_STAFF = 'admin@kapas.local';
/** OPERATIONS: trade:read but not negotiation:act-for. */
const READ_ONLY_STAFF = 'ops@kapas.local';

describe('admin app: staff open a trade’s negotiation and act for a party', () => {
  let server: TestServer;
  let browser: Browser;
  let buyerApi: KapasClient;
  let setup: Awaited<ReturnType<typeof tradeWithOffer>>;
  let admin: Page;
  let adminContext: BrowserContext;
  let seller: Page;
  const contexts: BrowserContext[] = [];

  const newBrowserContext = (): Promise<BrowserContext> => newContext(browser, contexts);

  beforeAll(async () => {
    server = await startApps();
    browser = await launchBrowser();
    buyerApi = await signInAs(server, BUYER);
    setup = await tradeWithOffer(buyerApi, await signInAs(server, SELLER));
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('an act-for admin opens the offer from the trade list and counters for the buyer; the seller sees it live', async () => {
    const { trade, offer } = setup;

    // The seller watches the negotiation in the trader app (its own browser context).
    seller = await newPageIn(await newBrowserContext());
    await seller.goto(`${server.url}/`);
    await seller.waitForURL(/\/sign-in/);
    await signIn(seller, SELLER, PASSWORD);
    await seller.waitForURL(/\/trade-desk$/);
    await seller.goto(`${server.url}/trade-desk/offers/${offer.id}`);
    await seller.getByTestId('version-1').waitFor(VISIBLE);
    await seller.getByTestId('turn-indicator').filter({ hasText: 'Waiting for the buyer' }).waitFor(VISIBLE);
    await seller.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor(VISIBLE);
    await markNoReload(seller);

    // The admin finds the trade in the list and opens it: summary and the offer ranked with its score.
    adminContext = await newBrowserContext();
    admin = await newPageIn(adminContext);
    await admin.goto(`${server.url}/admin/trade-desk/trades`);
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInStaff(admin, server, ACT_FOR_STAFF);
    await admin.waitForURL(/\/admin\/trade-desk\/trades/);
    await admin.getByRole('searchbox', { name: 'Search Trades' }).fill(trade.number);
    await admin.getByRole('link', { name: trade.number, exact: true }).click();
    await admin.waitForURL(new RegExp(`/admin/trade-desk/trades/${trade.id}$`));
    expect((await admin.getByTestId('trade-number').textContent())?.trim()).toBe(`Trade ${trade.number}`);
    await admin.getByTestId('trade-summary').getByText('Saurashtra Mills').waitFor(VISIBLE);
    const ranked = admin.getByTestId(`ranked-offer-${offer.number}`);
    await ranked.getByTestId('score-badge').waitFor(VISIBLE);
    expect(await ranked.getByTestId('score-badge').textContent()).toMatch(/^\d{1,3}(Best|Good|Average|Poor)$/);
    await admin.screenshot({ path: '/tmp/kapas-admin-trade-detail.png', fullPage: true });

    // The offer page: history, turn, and the act-for control starting on the side whose turn it is.
    await ranked.getByRole('link', { name: offer.number }).click();
    await admin.waitForURL(new RegExp(`/admin/trade-desk/offers/${offer.id}$`));
    await admin.getByTestId('version-1').waitFor(VISIBLE);
    expect(await admin.getByTestId('version-1').getByTestId('version-who').textContent()).toBe('Seller Vidarbha Ginning');
    await admin.getByTestId('turn-indicator').filter({ hasText: 'Waiting for the buyer' }).waitFor(VISIBLE);
    const actingFor = admin.getByTestId('acting-for');
    expect(await actingFor.textContent()).toBe('Acting for: Buyer Saurashtra Mills');

    // Acting for the seller, it is not their turn: only withdrawing is offered.
    await admin.getByRole('radio', { name: /Seller Vidarbha Ginning/ }).check();
    expect(await actingFor.textContent()).toBe('Acting for: Seller Vidarbha Ginning');
    await admin.getByTestId('not-their-turn').waitFor(VISIBLE);
    expect(await admin.getByRole('button', { name: 'Send counter-offer' }).count()).toBe(0);
    await admin.getByRole('button', { name: 'Withdraw the offer for the seller' }).waitFor(VISIBLE);

    // Back to the buyer. More bales than the trade has open: the API's field error sits next to Quantity.
    await admin.getByRole('radio', { name: /Buyer Saurashtra Mills/ }).check();
    expect(await actingFor.textContent()).toBe('Acting for: Buyer Saurashtra Mills');
    const form = admin.getByRole('form', { name: 'Counter-offer' });
    await form.getByLabel('Price (₹ per candy)').fill('53000');
    await form.getByLabel('Quantity (bales)').fill('50');
    await form.getByLabel('Message').fill('Buyer asks 53,000 (by phone)');
    await markNoReload(admin);
    await form.getByRole('button', { name: 'Send counter-offer' }).click();
    await form
      .getByTestId('field-error')
      .filter({ hasText: /At most 40/ })
      .waitFor(VISIBLE);
    expect(await admin.getByTestId('version-2').count()).toBe(0);

    // Within the open quantity the counter goes through, named as version 1's answer, for the buyer.
    await form.getByLabel('Quantity (bales)').fill('40');
    await form.getByRole('button', { name: 'Send counter-offer' }).click();
    const v2 = admin.getByTestId('version-2');
    await v2.waitFor(VISIBLE);
    expect(await v2.getByTestId('version-who').textContent()).toBe('Buyer Saurashtra Mills');
    expect(await v2.getByTestId('version-price').textContent()).toContain('₹53,000 / candy');
    await v2.getByText('by you, for them').waitFor(VISIBLE);
    await admin.getByTestId('turn-indicator').filter({ hasText: 'Waiting for the seller' }).waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-negotiation.png', fullPage: true });

    // The seller's page shows the counter live, with the message, and it is now their turn.
    const sellerV2 = seller.getByTestId('version-2');
    await sellerV2.waitFor(VISIBLE);
    expect(await sellerV2.getByTestId('version-price').textContent()).toBe('₹53,000 / candy');
    await sellerV2.getByText('Buyer asks 53,000 (by phone)').waitFor(VISIBLE);
    await seller.getByTestId('turn-indicator').filter({ hasText: 'Your turn' }).waitFor(VISIBLE);
    await stillNoReload(seller);

    // The server recorded it as the buyer's version, answering version 1.
    const detail = await buyerApi.offers.get.query({ id: offer.id });
    expect(detail.versions.map((v) => [v.version, v.side, v.action, v.price])).toEqual([
      [1, 'SELLER', 'OFFER', '54000.00'],
      [2, 'BUYER', 'COUNTER', '53000.00'],
    ]);

    // The seller answers in the trader app; the admin's page follows live.
    const sellerForm = seller.getByRole('form', { name: 'Counter-offer' });
    await sellerForm.getByLabel('Price (₹ per candy)').fill('53500');
    await sellerForm.getByRole('button', { name: 'Send counter-offer' }).click();
    await admin.getByTestId('version-3').waitFor(VISIBLE);
    expect(await admin.getByTestId('version-3').getByTestId('version-who').textContent()).toBe('Seller Vidarbha Ginning');
    await admin.getByTestId('turn-indicator').filter({ hasText: 'Waiting for the buyer' }).waitFor(VISIBLE);
    await stillNoReload(admin);
  });

  it('explains STALE_VERSION when the buyer answered first, and refreshes to the latest version', async () => {
    const { offer } = setup;
    // A second tab of the same admin with no live connection keeps showing version 3.
    const tab = await newPageIn(adminContext);
    await tab.routeWebSocket(/\/trpc/, () => {});
    await tab.goto(`${server.url}/admin/trade-desk/offers/${offer.id}`);
    await tab.getByTestId('version-3').waitFor(VISIBLE);
    expect(await tab.getByTestId('acting-for').textContent()).toBe('Acting for: Buyer Saurashtra Mills');

    // Meanwhile the buyer answers version 3 themselves …
    await buyerApi.offers.counter.mutate({
      offerId: offer.id,
      version: 3,
      price: '53200',
      quantity: '40',
      idempotencyKey: crypto.randomUUID(),
    });

    // … so accepting version 3 for the buyer changes nothing and says why.
    await tab.getByTestId('accept-offer').click();
    const dialog = tab.getByRole('alertdialog');
    await dialog.getByText('Accept version 3 for Buyer Saurashtra Mills?').waitFor(VISIBLE);
    await dialog.getByRole('button', { name: 'Accept offer' }).click();
    const stale = tab.getByTestId('stale-version');
    await stale.waitFor(VISIBLE);
    expect(await stale.textContent()).toContain('version 3 was answered before your action arrived');
    // The failed accept reloaded the offer: the buyer's version 4 is what the admin sees now.
    await tab.getByTestId('version-4').waitFor(VISIBLE);
    await tab.screenshot({ path: '/tmp/kapas-admin-negotiation-stale.png', fullPage: true });
    await stale.getByRole('button', { name: 'Refresh' }).click();
    await stale.waitFor({ state: 'detached' });
    await tab.getByTestId('version-4').waitFor(VISIBLE);
    expect(await tab.getByTestId('version-5').count()).toBe(0);
    await tab.getByTestId('turn-indicator').filter({ hasText: 'Waiting for the seller' }).waitFor(VISIBLE);
    expect((await buyerApi.offers.get.query({ id: offer.id })).offer.status).toBe('COUNTERED');
    await tab.close();
  });

  it('staff without negotiation:act-for see the negotiation read-only', async () => {
    const { trade, offer } = setup;
    const page = await newPageIn(await newBrowserContext());
    await page.goto(`${server.url}/admin/trade-desk/trades`);
    await page.waitForURL(/\/admin\/sign-in/);
    await signInStaff(page, server, READ_ONLY_STAFF);
    await page.waitForURL(/\/admin\/trade-desk\/trades/);
    await page.getByRole('searchbox', { name: 'Search Trades' }).fill(trade.number);
    await page.getByRole('link', { name: trade.number, exact: true }).click();
    await page.getByTestId(`ranked-offer-${offer.number}`).getByRole('link', { name: offer.number }).click();
    await page.waitForURL(new RegExp(`/admin/trade-desk/offers/${offer.id}$`));
    await page.getByTestId('version-4').waitFor(VISIBLE);
    await page.getByTestId('read-only').waitFor(VISIBLE);
    expect(await page.getByTestId('act-for-panel').count()).toBe(0);
    expect(await page.getByTestId('acting-for').count()).toBe(0);
    for (const name of [/counter-offer/i, /^Accept/, /^Reject/, /^Withdraw/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await page.getByRole('radio').count()).toBe(0);
    await page.screenshot({ path: '/tmp/kapas-admin-negotiation-read-only.png', fullPage: true });
  });
});
