import type { TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInStaff, startApps } from './harness';

const VISIBLE = { state: 'visible', timeout: 20_000 } as const;

/** Reference data an admin maintains: locations and financial years, one super-admin session for the file. */
describe('admin app: locations and financial years', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startApps();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    admin = await context.newPage();
    admin.setDefaultTimeout(20_000);
    await admin.goto(`${server.url}/admin/locations`);
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInStaff(admin, server, 'admin@kapas.local');
    await admin.waitForURL(/\/admin\/locations/);
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('adds a station to a region, showing field errors first, and lists it', async () => {
    const gujarat = admin.getByTestId('state-24');
    await gujarat.waitFor(VISIBLE);
    await gujarat.locator('summary').getByText('Gujarat', { exact: true }).click();
    await admin.getByRole('button', { name: 'Station to Saurashtra' }).click();

    const form = admin.getByRole('form', { name: 'New station in Saurashtra' });
    await form.getByRole('textbox', { name: 'Name' }).waitFor(VISIBLE);
    await form.getByRole('textbox', { name: 'Name' }).fill('Rajkot');
    await form.getByRole('textbox', { name: 'Latitude' }).fill('95');
    await form.getByRole('textbox', { name: 'Longitude' }).fill('70.8');
    await form.getByRole('textbox', { name: 'Longitude' }).press('Enter');
    await form.getByTestId('field-error').getByText('Latitude is from −90 to 90').waitFor(VISIBLE);

    // The browser cannot know the name is taken: the API's CONFLICT lands on the name field.
    await form.getByRole('textbox', { name: 'Latitude' }).fill('22.3');
    await form.getByRole('button', { name: 'Create station' }).click();
    await form.getByTestId('field-error').getByText('Rajkot already exists in this region').waitFor(VISIBLE);
    expect(await form.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true');

    await form.getByRole('textbox', { name: 'Name' }).fill('Jasdan');
    await form.getByRole('textbox', { name: 'Latitude' }).fill('22.0379');
    await form.getByRole('textbox', { name: 'Longitude' }).fill('71.2047');
    await form.getByRole('textbox', { name: 'Longitude' }).press('Enter');
    await form.waitFor({ state: 'detached' });
    await admin.getByText('Station created').waitFor(VISIBLE);
    const region = admin.getByTestId('region-Saurashtra');
    await region.getByTestId('station').filter({ hasText: 'Jasdan' }).getByText('22.0379, 71.2047').waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-locations.png', fullPage: true });
  });

  it('adds a financial year from its code, refusing a wrong code, and lists it', async () => {
    await admin.getByRole('link', { name: 'Financial years' }).click();
    await admin.waitForURL(/\/admin\/financial-years/);
    await admin.getByRole('table', { name: 'Financial years' }).waitFor(VISIBLE);
    await admin.getByRole('button', { name: 'New financial year' }).click();

    const form = admin.getByRole('form', { name: 'New financial year' });
    const code = form.getByRole('textbox', { name: 'Code' });
    await code.fill('2035-37');
    await code.press('Enter');
    await form
      .getByTestId('field-error')
      .getByText(/e\.g\. 2026-27/)
      .waitFor(VISIBLE);

    // Typing the code fills in its dates (1 April to 31 March).
    await code.fill('2035-36');
    expect(await form.getByLabel('Starts on').inputValue()).toBe('2035-04-01');
    expect(await form.getByLabel('Ends on').inputValue()).toBe('2036-03-31');
    await form.getByRole('button', { name: 'Create financial year' }).click();
    await form.waitFor({ state: 'detached' });
    const row = admin.getByTestId('fy-2035-36');
    await row.waitFor(VISIBLE);
    expect(await row.textContent()).toContain('Open');
    await row.getByRole('button', { name: 'Make 2035-36 current' }).click();
    await row.getByText('Current').waitFor(VISIBLE);
    expect(await admin.getByRole('table', { name: 'Financial years' }).getByText('Current', { exact: true }).count()).toBe(1);
  });

  it('lists GST rates with their current rate and the seeded commission structures', async () => {
    await admin.getByRole('link', { name: 'GST rates' }).click();
    await admin.waitForURL(/\/admin\/gst-rates/);
    const brokerage = admin.getByRole('row').filter({ hasText: 'BROKERAGE' });
    await brokerage.getByTestId('current-rate').getByText('18.00 %').waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-gst-rates.png', fullPage: true });

    await admin.getByRole('link', { name: 'Commission structures' }).click();
    await admin.waitForURL(/\/admin\/commission-structures/);
    const seller = admin.getByRole('row').filter({ hasText: 'STD_SELLER' });
    await seller.getByText('₹25 / bale').waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-commissions.png', fullPage: true });
  });
});
