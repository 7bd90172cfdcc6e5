import { signInAs, type TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInStaff, startApps } from './harness';

const VISIBLE = { state: 'visible', timeout: 20_000 } as const;

/** The trader's registered profile (demo data); a GSTIN change is high-risk and needs approval. */
const PROFILE = {
  legalName: 'Deccan Cotton Traders Pvt Ltd',
  tradeName: 'Deccan Cotton',
  pan: 'AAGFD9012M',
  gstin: '36AAGFD9012M1Z9',
  cin: null,
  tan: null,
};

/** The approvals queue: a partner's change request arrives live, the admin bulk-approves it and it leaves the queue. */
describe('admin app: approvals queue', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let admin: Page;

  beforeAll(async () => {
    server = await startApps();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    admin = await context.newPage();
    admin.setDefaultTimeout(20_000);
    await admin.goto(`${server.url}/admin/approvals`);
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInStaff(admin, server, 'admin@kapas.local');
    await admin.waitForURL(/\/admin\/approvals/);
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('shows a new request live, with what will change, and bulk-approves it out of the queue', async () => {
    const table = admin.getByRole('table', { name: 'Approval requests' });
    // The demo data already has a pending onboarding application in the queue.
    await table.waitFor(VISIBLE);
    // The request is made the way a partner makes it: through the typed client.
    const trader = await signInAs(server, 'trader@deccan-cotton.example');
    const change = await trader.company.proposeChange.mutate({ profile: { ...PROFILE, gstin: '36AAGFD9012M2Z8' } });
    expect(change.route).toBe('APPROVAL');

    const row = table.getByRole('row').filter({ hasText: 'Change request' });
    await row.waitFor(VISIBLE);
    // The bell counts the new request for the approver.
    await admin.getByTestId('notification-unread-count').waitFor(VISIBLE);

    await row.getByTestId('approval-open').click();
    const drawer = admin.getByTestId('approval-drawer');
    await drawer.waitFor(VISIBLE);
    const changes = drawer.getByRole('table', { name: 'What will change' });
    await changes.getByRole('cell', { name: '36AAGFD9012M2Z8' }).waitFor(VISIBLE);
    await admin.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    await row.getByTestId('approval-select').check();
    await admin.getByTestId('bulk-approve').click();
    const dialog = admin.getByTestId('decision-dialog');
    await dialog.waitFor(VISIBLE);
    await dialog.getByTestId('decision-note').fill('GST certificate checked');
    await dialog.getByTestId('decision-confirm').click();
    // (While the dialog is open the page behind it is hidden from the accessibility tree: wait for it to close first.)
    await dialog.waitFor({ state: 'detached' });
    await admin.getByText('1 request decided').waitFor(VISIBLE);
    await table.waitFor(VISIBLE);
    await row.waitFor({ state: 'detached' });
    expect(await table.getByRole('row').filter({ hasText: 'Partner onboarding' }).count()).toBe(1);
    await admin.screenshot({ path: '/tmp/kapas-admin-approvals.png', fullPage: true });

    expect((await trader.company.get.query()).partner.gstin).toBe('36AAGFD9012M2Z8');
    // Still there under "All states", now approved.
    await admin.getByLabel('Status').selectOption('APPROVED');
    await table
      .getByRole('row')
      .filter({ hasText: 'Change request' })
      .getByTestId('approval-status')
      .filter({ hasText: 'Approved' })
      .waitFor(VISIBLE);
  });

  it('the bell lists the notification and marks everything read; the jobs page runs a job', async () => {
    await admin.getByTestId('notification-bell').click();
    const menu = admin.getByTestId('notification-menu');
    await menu
      .getByText(/approval needed/)
      .first()
      .waitFor(VISIBLE);
    await menu.getByTestId('notification-mark-all').click();
    await admin.getByTestId('notification-unread-count').waitFor({ state: 'detached' });
    await admin.keyboard.press('Escape');

    await admin.getByRole('link', { name: 'Scheduled jobs' }).click();
    const row = admin.locator('[data-job="approval-expiry"]');
    await row.waitFor(VISIBLE);
    await row.getByTestId('job-run-now').click();
    await admin.getByText('approval-expiry finished').waitFor(VISIBLE);
    await row.getByText('SUCCEEDED').waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-jobs.png', fullPage: true });
  });
});
