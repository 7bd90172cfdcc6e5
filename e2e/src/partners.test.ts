import type { TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PASSWORD, signIn, signInStaff, startApps } from './harness';

const VISIBLE = { state: 'visible', timeout: 20_000 } as const;
const TRADER = 'trader@deccan-cotton.example';

/** The partner's Company page (change requests) and the back office's partner register. */
describe('company profile and partner register', () => {
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

  it('a partner proposes changes: contacts apply at once, a GSTIN waits for approval, field errors show', async () => {
    const trader = await newPage();
    await trader.goto(`${server.url}/company`);
    await trader.waitForURL(/\/sign-in/);
    await signIn(trader, TRADER, PASSWORD);
    await trader.getByTestId('company-profile').waitFor(VISIBLE);

    // Contacts: edit the first contact's designation and save — applied at once.
    await trader.getByTestId('propose-contacts').click();
    const contacts = trader.getByTestId('editor-contacts');
    await contacts.locator('input[name="contacts.0.designation"]').fill('Managing director');
    await contacts.getByTestId('proposal-submit').click();
    await trader.getByText('Saved: the change applies at once').waitFor(VISIBLE);
    await trader
      .getByTestId('company-contacts')
      .getByText(/Managing director/)
      .waitFor(VISIBLE);

    // A GSTIN with a wrong check character: the message appears under the field.
    await trader.getByTestId('propose-profile').click();
    const profile = trader.getByTestId('editor-profile');
    await profile.getByLabel('GSTIN').fill('36AAGFD9012M2Z9');
    await profile.getByTestId('proposal-submit').click();
    await profile.getByText(/check character/).waitFor(VISIBLE);
    await profile.getByLabel('GSTIN').fill('36AAGFD9012M2Z8');
    await profile.getByTestId('proposal-submit').click();
    await trader.getByText('Sent for approval').waitFor(VISIBLE);
    expect(await trader.getByTestId('company-gstin').textContent()).toBe('36AAGFD9012M1Z9');
    const requests = trader.getByTestId('my-change-requests');
    await requests.getByText('pending').waitFor(VISIBLE);
    await requests.getByText('approved').waitFor(VISIBLE);
    await trader.screenshot({ path: '/tmp/kapas-web-company.png', fullPage: true });
  });

  it('staff find the partner, compare versions and suspend it with a reason', async () => {
    const admin = await newPage();
    await admin.goto(`${server.url}/admin/partners`);
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInStaff(admin, server, 'admin@kapas.local');
    await admin.waitForURL(/\/admin\/partners/);
    await admin.getByRole('searchbox').fill('deccan');
    await admin.waitForURL(/q=deccan/);
    await admin.getByTestId('partner-link').filter({ hasText: 'Deccan Cotton' }).click();
    await admin.waitForURL(/\/admin\/partners\/[0-9a-f-]{36}$/);
    await admin.getByTestId('partner-status').filter({ hasText: 'Active' }).waitFor(VISIBLE);

    await admin.getByRole('tab', { name: /Versions/ }).click();
    await admin.getByTestId('versions-list').getByText('v1').waitFor(VISIBLE);
    await admin.getByTestId('tab-changes').click();
    await admin.getByTestId('change-requests').getByText('Needs approval').waitFor(VISIBLE);

    await admin.getByTestId('status-suspend').click();
    const dialog = admin.getByTestId('status-dialog');
    await dialog.getByTestId('status-confirm').click();
    await dialog.getByText(/Give a reason/).waitFor(VISIBLE);
    await dialog.getByTestId('status-reason').fill('Unpaid brokerage for October');
    await dialog.getByTestId('status-confirm').click();
    await admin.getByTestId('partner-status').filter({ hasText: 'Suspended' }).waitFor(VISIBLE);
    await admin.getByText(/Unpaid brokerage for October/).waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-partner.png', fullPage: true });
    await admin.getByTestId('status-reinstate').click();
    await admin.getByTestId('status-reason').fill('Dues cleared in full');
    await admin.getByTestId('status-confirm').click();
    await admin.getByTestId('partner-status').filter({ hasText: 'Active' }).waitFor(VISIBLE);
  });
});
