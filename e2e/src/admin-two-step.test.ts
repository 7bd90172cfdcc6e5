import type { TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterCode, launchBrowser, leftSignIn, PASSWORD, signIn, signInStaff, startApps } from './harness';

const VISIBLE = { state: 'visible', timeout: 20_000 } as const;

/**
 * Each staff account signs in at most once here: the API sends one code per minute per address.
 * admin@ (the only demo account with user:manage) reads the Dev outbox; ops@ and support@ sign
 * in with codes read from that page.
 */
describe('admin app: two-step sign-in and sessions', () => {
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

  /** admin@ (super admin, may open the Dev outbox), signed in once for the whole file. */
  let admin: Page;

  async function readCodeFromOutboxPage(page: Page, email: string): Promise<string> {
    await page.goto(`${server.url}/admin/outbox?recipient=${encodeURIComponent(email)}`);
    const table = page.getByRole('table', { name: 'Outbox messages' });
    await table.waitFor(VISIBLE);
    const first = table.locator('tbody tr').first();
    await first.getByTestId('outbox-recipient').getByText(email).waitFor(VISIBLE);
    const body = (await first.getByTestId('outbox-body').textContent()) ?? '';
    const code = body.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no code in the outbox page for ${email}: ${body}`);
    return code;
  }

  /** Two-step sign-in of `email` in `page`, with the code read from the admin's Dev outbox page. */
  async function signInReadingOutbox(page: Page, email: string): Promise<void> {
    await signIn(page, email, PASSWORD);
    await page.getByRole('textbox', { name: 'Verification code' }).waitFor(VISIBLE);
    await enterCode(page, await readCodeFromOutboxPage(admin, email));
    await leftSignIn(page, email);
  }

  it('signs in with the code read from the dev outbox page', async () => {
    admin = await newPage();
    await admin.goto(`${server.url}/admin/outbox`);
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInStaff(admin, server, 'admin@kapas.local');
    await admin.waitForURL(/\/admin\/outbox/);
    await admin.getByRole('table', { name: 'Outbox messages' }).waitFor(VISIBLE);

    // ops@ signs in: password first, then the code step.
    const ops = await newPage();
    await ops.goto(`${server.url}/admin/commodities`);
    await ops.waitForURL(/\/admin\/sign-in/);
    await signIn(ops, 'ops@kapas.local', PASSWORD);
    await ops.getByRole('textbox', { name: 'Verification code' }).waitFor(VISIBLE);
    expect(await ops.getByTestId('otp-sent').textContent()).toContain('kapas.local');
    await ops.screenshot({ path: '/tmp/kapas-admin-otp-step.png' });

    // A wrong code says how many attempts are left.
    await enterCode(ops, '000000');
    const wrong = ops.getByTestId('field-error');
    await wrong.waitFor(VISIBLE);
    expect(await wrong.textContent()).toMatch(/2/);

    // The right code, as a person reads it: from the Dev outbox page.
    const code = await readCodeFromOutboxPage(admin, 'ops@kapas.local');
    await admin.screenshot({ path: '/tmp/kapas-admin-outbox.png', fullPage: true });
    await enterCode(ops, code);
    await leftSignIn(ops, 'ops@kapas.local');
    await ops.waitForURL(/\/admin\/commodities$/);
    await ops.getByTestId('signed-in-user').waitFor(VISIBLE);
    expect(await ops.getByTestId('user-role').textContent()).toContain('Operations');
    // Operations has no user:manage: the Dev outbox is not in its navigation.
    expect(await ops.getByRole('link', { name: 'Dev outbox' }).count()).toBe(0);
  });

  it('sends a user back to sign-in within 5 s when an admin ends their session', async () => {
    const support = await newPage();
    await support.goto(`${server.url}/admin/account`);
    await support.waitForURL(/\/admin\/sign-in/);
    await signInReadingOutbox(support, 'support@kapas.local');
    await support.waitForURL(/\/admin\/account/);
    await support.getByRole('table', { name: 'Your sessions' }).waitFor(VISIBLE);
    await support.screenshot({ path: '/tmp/kapas-admin-account.png', fullPage: true });
    await support.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor(VISIBLE);

    // The admin (context B) finds support's session on the Sessions page and revokes it.
    await admin.getByRole('link', { name: 'Sessions', exact: true }).click();
    await admin.waitForURL(/\/admin\/sessions/);
    await admin.getByRole('searchbox').fill('support@kapas.local');
    const row = admin.getByRole('row', { name: /support@kapas\.local/ });
    await row.first().waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-sessions.png', fullPage: true });
    await row
      .first()
      .getByRole('button', { name: /^End session/ })
      .click();
    const confirm = admin.getByRole('dialog');
    await confirm.waitFor(VISIBLE);
    const started = Date.now();
    await confirm.getByRole('button', { name: 'End session' }).click();

    await support.waitForURL(/\/admin\/sign-in/, { timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    await support.getByLabel('Email').waitFor(VISIBLE);
  });
});
