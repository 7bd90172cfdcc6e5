import type { TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, signInStaff, startApps } from './harness';

const VISIBLE = { state: 'visible', timeout: 20_000 } as const;

/** The admin's access and security screens, one super-admin session for the whole file. */
describe('admin app: users, roles, audit and security events', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  const contexts: BrowserContext[] = [];

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  };

  beforeAll(async () => {
    server = await startApps();
    browser = await launchBrowser();
    // A failed sign-in first, so there is a security event to acknowledge.
    const stranger = await newPage();
    await stranger.goto(`${server.url}/admin/sign-in`);
    await signIn(stranger, 'compliance@kapas.local', 'definitely-wrong-password');
    await stranger.getByTestId('sign-in-error').waitFor(VISIBLE);

    admin = await newPage();
    await admin.goto(`${server.url}/admin/users`);
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInStaff(admin, server, 'admin@kapas.local');
    await admin.waitForURL(/\/admin\/users/);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('searches users with the search in the URL and adds and removes a grant with an expiry', async () => {
    const table = admin.getByRole('table', { name: 'Users' });
    await table.waitFor(VISIBLE);
    await admin.getByRole('searchbox').fill('support');
    await admin.waitForURL(/q=support/);
    await table.getByRole('link', { name: /Sunil Support/ }).click();
    await admin.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await admin.getByRole('heading', { name: 'Sunil Support' }).waitFor(VISIBLE);

    const form = admin.getByRole('form', { name: 'Add grant' });
    await form.getByLabel('Permission').selectOption('audit:read');
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}T10:00`;
    await form.getByLabel('Expires (optional)').fill(local);
    await form.getByRole('button', { name: 'Add' }).click();
    const grants = admin.getByRole('table', { name: 'Grants' });
    await grants.getByRole('cell', { name: 'audit:read', exact: true }).waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-user-detail.png', fullPage: true });
    await grants.getByRole('button', { name: 'Remove grant of audit:read' }).click();
    await grants.waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('shows the role matrix with super admin fixed and saves a role', async () => {
    await admin.getByRole('link', { name: 'Roles', exact: true }).click();
    const matrix = admin.getByRole('table', { name: 'Role permissions' });
    await matrix.waitFor(VISIBLE);
    expect(await matrix.getByRole('checkbox', { name: 'Super admin: audit:read' }).isDisabled()).toBe(true);
    const box = matrix.getByRole('checkbox', { name: 'Support: audit:read' });
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await matrix.getByRole('button', { name: 'Save Support' }).click();
    await admin.getByText(/Saved SUPPORT/).waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-roles.png', fullPage: true });
  });

  it('filters the audit log, opens an entry and verifies the chain', async () => {
    await admin.getByRole('link', { name: 'Audit log' }).click();
    const table = admin.getByRole('table', { name: 'Audit entries' });
    await table.waitFor(VISIBLE);
    await admin.getByLabel('Action').fill('user.');
    await admin.getByRole('button', { name: 'Apply filters' }).click();
    await admin.waitForURL(/action=user\./);
    await table.getByText('user.grant_remove').waitFor(VISIBLE);
    await table
      .getByRole('button', { name: /^Details of entry/ })
      .first()
      .click();
    const detail = admin.getByTestId('audit-detail');
    await detail.waitFor(VISIBLE);
    expect(await detail.textContent()).toContain('Old values');
    await admin.screenshot({ path: '/tmp/kapas-admin-audit-detail.png' });
    await admin.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    await admin.getByRole('button', { name: 'Verify chain' }).click();
    const result = admin.getByTestId('verify-result');
    await result.waitFor(VISIBLE);
    expect(await result.textContent()).toContain('Chain OK');

    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^audit-.*\.csv$/);
    await admin.screenshot({ path: '/tmp/kapas-admin-audit.png', fullPage: true });
  });

  it('lists security events with severity and acknowledges one', async () => {
    await admin.getByRole('link', { name: 'Security events' }).click();
    const table = admin.getByRole('table', { name: 'Security events' });
    await table.waitFor(VISIBLE);
    const row = table.getByRole('row', { name: /Sign in failed/ }).first();
    await row.waitFor(VISIBLE);
    await row.getByRole('button', { name: /^Acknowledge/ }).click();
    await row.getByText('Acknowledged').waitFor(VISIBLE);
    await admin.screenshot({ path: '/tmp/kapas-admin-security-events.png', fullPage: true });
  });

  it('invites a staff user who accepts the invitation with the link from the dev outbox', async () => {
    // A toast left by the previous test (the CSV export) can cover the page's buttons; wait it out.
    await admin
      .locator('[data-sonner-toast]')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => undefined);
    await admin.getByRole('link', { name: 'Users', exact: true }).click();
    await admin.getByRole('button', { name: 'Invite staff user' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.waitFor(VISIBLE);
    // Field errors first: nothing filled in.
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('Choose at least one role').waitFor(VISIBLE);
    await dialog.getByLabel('Email').fill('new.analyst@kapas.local');
    await dialog.getByLabel('Full name').fill('Nina Analyst');
    await dialog.getByLabel('Auditor').check();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByRole('heading', { name: 'Nina Analyst' }).waitFor(VISIBLE);

    await admin.getByRole('link', { name: 'Dev outbox' }).click();
    await admin.getByRole('searchbox').fill('new.analyst');
    const link = admin.getByTestId('outbox-body').first().getByRole('link');
    await link.waitFor(VISIBLE);
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/admin\/accept-invite\?token=/);

    const invitee = await newPage();
    await invitee.goto(href.replace(/^https?:\/\/[^/]+/, server.url));
    await invitee.getByRole('heading', { name: 'Welcome to Kapas Back Office' }).waitFor(VISIBLE);
    await invitee.getByLabel('Password', { exact: true }).fill('short');
    await invitee.getByTestId('password-hints').waitFor(VISIBLE);
    await invitee.getByLabel('Confirm password').fill('short');
    await invitee.getByRole('button', { name: 'Activate account' }).click();
    await invitee.getByTestId('field-error').first().waitFor(VISIBLE);
    await invitee.screenshot({ path: '/tmp/kapas-admin-accept-invite.png' });
    const strong = 'Cotton bales travel far 2026';
    await invitee.getByLabel('Password', { exact: true }).fill(strong);
    await invitee.getByLabel('Confirm password').fill(strong);
    await invitee.getByRole('button', { name: 'Activate account' }).click();
    await invitee.waitForURL(/\/admin\/sign-in/);
    await signInStaff(invitee, server, 'new.analyst@kapas.local', strong);
    await invitee.waitForURL(/\/admin\/commodities/);
    expect(await invitee.getByTestId('user-role').textContent()).toContain('Auditor');
  });
});
