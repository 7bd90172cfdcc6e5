import type { TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PASSWORD, signIn, signInStaff, startApps } from './harness';

const VISIBLE = { state: 'visible', timeout: 20_000 } as const;

describe('trader and admin apps', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  };

  beforeAll(async () => {
    server = await startApps();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('shows a generic error for a wrong password', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/commodities`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, 'buyer@saurashtra-mills.example', 'not-the-password');
    const alert = page.getByTestId('sign-in-error');
    await alert.waitFor(VISIBLE);
    expect(await alert.textContent()).toContain('Email or password is incorrect.');
    expect(page.url()).toContain('/sign-in');
    await page.screenshot({ path: '/tmp/kapas-web-sign-in-error.png' });
  });

  it('updates the trader commodities page live when an admin edits masters', async () => {
    // Trader: sign in and open the Commodities page.
    const trader = await newPage();
    await trader.goto(`${server.url}/`);
    await trader.waitForURL(/\/sign-in/);
    await signIn(trader, 'buyer@saurashtra-mills.example', PASSWORD);
    // Home is the trade desk; the commodities page is one click away.
    await trader.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    await trader.goto(`${server.url}/commodities`);
    await trader.getByRole('heading', { name: 'Commodities', level: 1 }).waitFor(VISIBLE);
    await trader.getByTestId('partner-name').waitFor(VISIBLE);
    await trader.getByRole('cell', { name: /^Staple length/ }).waitFor(VISIBLE);
    await trader.getByRole('tab', { name: 'Varieties' }).click();
    await trader.getByRole('cell', { name: 'Shankar-6', exact: true }).waitFor(VISIBLE);
    await trader.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor(VISIBLE);
    // Marks this document: if the page reloaded, the marker would be gone.
    await trader.evaluate(() => {
      document.documentElement.dataset.e2eMarker = 'no-reload';
    });
    await trader.evaluate(() => window.scrollTo(0, 0));
    await trader.screenshot({ path: '/tmp/kapas-web-commodities.png', fullPage: true });

    // Admin: sign in to the back office in another context.
    const admin = await newPage();
    await admin.goto(`${server.url}/admin/`);
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInStaff(admin, server, 'admin@kapas.local');
    await admin.waitForURL(/\/admin\/commodities$/);
    await admin.getByRole('table', { name: 'Commodities' }).waitFor(VISIBLE);

    // Rename a variety.
    await admin.getByRole('link', { name: 'Varieties' }).click();
    await admin.waitForURL(/\/admin\/masters\/variety/);
    await admin.getByRole('button', { name: 'Edit Shankar-6' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.waitFor(VISIBLE);
    await dialog.getByLabel('Name', { exact: true }).fill('Shankar-6 Premium');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await admin.getByRole('cell', { name: 'Shankar-6 Premium', exact: true }).waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-varieties.png', fullPage: true });

    await trader.getByRole('cell', { name: 'Shankar-6 Premium', exact: true }).waitFor(VISIBLE);

    // Rename a quality parameter's label.
    await admin.getByRole('link', { name: 'Commodities', exact: true }).click();
    await admin
      .getByRole('link', { name: /^Edit / })
      .first()
      .click();
    const label = admin.getByLabel('Label of staple_length');
    await label.waitFor(VISIBLE);
    await label.fill('Staple length (2.5% span)');
    await admin.screenshot({ path: '/tmp/kapas-admin-commodity.png', fullPage: true });
    await admin.getByRole('button', { name: 'Save commodity' }).click();
    await admin.waitForURL(/\/admin\/commodities$/);

    await trader.getByRole('cell', { name: /^Staple length \(2\.5% span\)/ }).waitFor(VISIBLE);
    expect(await trader.evaluate(() => document.documentElement.dataset.e2eMarker)).toBe('no-reload');
    await trader.evaluate(() => window.scrollTo(0, 0));
    await trader.screenshot({ path: '/tmp/kapas-web-commodities-live.png' });
  });

  it('shows read-only masters to a user without master:write', async () => {
    const auditor = await newPage();
    await auditor.goto(`${server.url}/admin/masters/variety`);
    await auditor.waitForURL(/\/admin\/sign-in/);
    await signInStaff(auditor, server, 'auditor@kapas.local');
    await auditor.waitForURL(/\/admin\/masters\/variety/);
    await auditor.getByRole('table', { name: 'Varieties' }).waitFor(VISIBLE);
    await auditor.getByText('Read only').waitFor(VISIBLE);
    expect(await auditor.getByRole('button', { name: /New variety/ }).count()).toBe(0);
    expect(await auditor.getByRole('button', { name: /^Edit / }).count()).toBe(0);
  });

  it('shows field errors from the API next to the field', async () => {
    // Operations can write masters; admin@ already signed in above (one code per minute per address).
    const admin = await newPage();
    await admin.goto(`${server.url}/admin/masters/payment-term`);
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInStaff(admin, server, 'ops@kapas.local');
    await admin.waitForURL(/\/admin\/masters\/payment-term/);
    await admin.getByRole('table', { name: 'Payment terms' }).waitFor(VISIBLE);
    // The code of an existing term: the API answers CONFLICT with a field error on `code`.
    const existing =
      (await admin.getByRole('table', { name: 'Payment terms' }).locator('tbody tr td').first().textContent())?.trim() ?? '';
    expect(existing).not.toBe('');
    await admin.getByRole('button', { name: /New payment term/ }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.waitFor(VISIBLE);
    await dialog.getByLabel('Code').fill(existing);
    await dialog.getByLabel('Name', { exact: true }).fill('Duplicate term');
    await dialog.getByLabel('Days').fill('10');
    await dialog.getByRole('button', { name: /Create/ }).click();
    const fieldError = dialog.getByTestId('field-error');
    await fieldError.waitFor(VISIBLE);
    expect(await fieldError.textContent()).toContain('already used');
  });
});
