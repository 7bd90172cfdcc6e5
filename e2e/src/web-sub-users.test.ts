import { messages } from '@kapas/db';
import { latestCodeFor, type TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PASSWORD, signIn, startApps } from './harness';

const VISIBLE = { state: 'visible', timeout: 20_000 } as const;
const BUYER = 'buyer@saurashtra-mills.example';
const SUB_USER = { name: 'Meera Joshi', email: 'meera.joshi@saurashtra-mills.example', password: 'Blue-river-lantern-4711' };

/** The path and query of the newest invitation link emailed to `recipient`, read from the dev outbox. */
async function inviteLinkFor(server: TestServer, recipient: string): Promise<string> {
  const rows = await server.handle.db.select().from(messages);
  const newest = rows
    .filter((m) => m.recipient === recipient && m.channel === 'EMAIL')
    .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)) || Number(b.id) - Number(a.id))[0];
  const path = newest?.body.match(/\/accept-invite\?token=[^\s"'<>)&]+/)?.[0];
  if (!path) throw new Error(`no invitation link in the outbox for ${recipient}`);
  return path;
}

describe('trader app: team and sessions', () => {
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

  const signInAsBuyer = async (page: Page, path = '/'): Promise<void> => {
    await page.goto(`${server.url}${path}`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, BUYER, PASSWORD);
    await page.getByTestId('signed-in-user').waitFor(VISIBLE);
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

  it('invites a sub-user who accepts the invitation and signs in', async () => {
    // The buyer (primary user) invites a colleague from the Team page.
    const buyer = await newPage();
    await signInAsBuyer(buyer, '/team');
    await buyer.waitForURL(/\/team$/);
    await buyer.getByRole('heading', { name: 'Team', level: 1 }).waitFor(VISIBLE);
    await buyer.getByTestId('empty').waitFor(VISIBLE);
    await buyer.getByRole('button', { name: 'Invite sub-user' }).click();
    const dialog = buyer.getByRole('dialog', { name: 'Invite a sub-user' });
    await dialog.waitFor(VISIBLE);
    // Primary-only permissions are never offered.
    expect(await dialog.getByRole('checkbox', { name: /Manage sub-users/ }).count()).toBe(0);
    expect(await dialog.getByRole('checkbox', { name: /Manage API tokens/ }).count()).toBe(0);
    await dialog.getByLabel('Full name').fill(SUB_USER.name);
    await dialog.getByLabel('Email').fill(SUB_USER.email);
    await dialog.getByLabel('Mobile (optional)').fill('9876543210');
    await dialog.getByRole('checkbox', { name: /View commodities and trade terms/ }).check();
    await dialog.getByRole('checkbox', { name: /View trades/ }).check();
    await buyer.screenshot({ path: '/tmp/kapas-web-team-invite.png' });
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    const table = buyer.getByRole('table', { name: 'Sub-users' });
    const row = table.getByRole('row', { name: new RegExp(SUB_USER.name) });
    await row.waitFor(VISIBLE);
    expect(await row.getByTestId('sub-user-status').textContent()).toBe('Invited');
    // No branch ticked: the sub-user may act for every branch.
    expect(await row.getByTestId('sub-user-branches').textContent()).toBe('All branches');

    // The invitation email, opened in another browser.
    const link = await inviteLinkFor(server, SUB_USER.email);
    const subUser = await newPage();
    await subUser.goto(`${server.url}${link}`);
    await subUser.getByRole('heading', { name: 'Join your team on Kapas' }).waitFor(VISIBLE);
    await subUser.getByLabel('Password', { exact: true }).fill('short');
    await subUser.getByTestId('password-hints').locator('li[data-state="unmet"]').first().waitFor(VISIBLE);
    await subUser.getByLabel('Password', { exact: true }).fill(SUB_USER.password);
    await subUser.getByLabel('Confirm password').fill(SUB_USER.password);
    expect(await subUser.getByTestId('password-hints').locator('li[data-state="unmet"]').count()).toBe(0);
    await subUser.screenshot({ path: '/tmp/kapas-web-accept-invite.png' });
    await subUser.getByRole('button', { name: 'Set password and sign in' }).click();

    // Signed in: the app shows the sub-user, without the primary user's pages.
    // With "View trades" the sub-user's home is the trade desk.
    await subUser.waitForURL(/\/trade-desk$/);
    await subUser.getByTestId('signed-in-user').waitFor(VISIBLE);
    expect(await subUser.getByTestId('signed-in-user').textContent()).toContain(SUB_USER.name);
    expect(await subUser.getByRole('link', { name: 'Team' }).count()).toBe(0);
    expect(await subUser.getByRole('link', { name: 'API tokens' }).count()).toBe(0);
    await subUser.getByRole('link', { name: 'Account' }).click();
    await subUser.getByText('Sub-user', { exact: true }).waitFor(VISIBLE);
    await subUser.screenshot({ path: '/tmp/kapas-web-sub-user-account.png' });

    // Back with the buyer: the sub-user is active now.
    await buyer.reload();
    await row.waitFor(VISIBLE);
    await row.getByTestId('sub-user-status').getByText('Active').waitFor(VISIBLE);
    await buyer.screenshot({ path: '/tmp/kapas-web-team-active.png' });

    // The activity list shows what the sub-user did.
    await row.getByRole('button', { name: `Activity of ${SUB_USER.name}` }).click();
    const activity = buyer.getByRole('dialog', { name: `Activity of ${SUB_USER.name}` });
    await activity.waitFor(VISIBLE);
    await activity.getByRole('table').or(activity.getByTestId('empty')).waitFor(VISIBLE);
    await buyer.screenshot({ path: '/tmp/kapas-web-team-activity.png' });
    await buyer.keyboard.press('Escape');
    await activity.waitFor({ state: 'hidden' });

    // Limited to the head office, the row names the branch instead.
    await row.getByRole('button', { name: `Edit ${SUB_USER.name}` }).click();
    const edit = buyer.getByRole('dialog', { name: `Edit ${SUB_USER.name}` });
    await edit.getByRole('checkbox', { name: /Head office/ }).check();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden', timeout: 20_000 });
    await row.getByTestId('sub-user-branches').getByText('Head office').waitFor(VISIBLE);
    expect(await row.getByTestId('sub-user-branches').textContent()).not.toContain('All branches');
    await buyer.screenshot({ path: '/tmp/kapas-web-team-branches.png' });

    // Sign the buyer out so the next test sees only its own sessions.
    await buyer.getByRole('button', { name: 'Sign out' }).click();
    await buyer.waitForURL(/\/sign-in/);
  });

  it('ends a session from another browser: the other one lands on sign-in within 5 seconds', async () => {
    const first = await newPage();
    await signInAsBuyer(first, '/commodities');
    await first.waitForURL(/\/commodities$/);
    await first.locator('[data-testid="connection-indicator"][data-state="live"]').waitFor(VISIBLE);

    const second = await newPage();
    await signInAsBuyer(second, '/account');
    await second.waitForURL(/\/account$/);
    const sessions = second.getByRole('table', { name: 'My sessions' });
    await sessions.waitFor(VISIBLE);
    const rows = sessions.getByTestId('session-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await sessions.locator('[data-testid="session-row"][data-current]').getByText('This device').waitFor(VISIBLE);
    await second.screenshot({ path: '/tmp/kapas-web-account-sessions.png', fullPage: true });

    const endButton = sessions.getByRole('button', { name: /^End session on / });
    expect(await endButton.count()).toBe(1);
    await endButton.click();
    const started = Date.now();
    await first.waitForURL(/\/sign-in/, { timeout: 5_000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(5_000);
    await first.getByRole('button', { name: 'Sign in' }).waitFor(VISIBLE);
    await first.screenshot({ path: '/tmp/kapas-web-session-ended.png' });

    // The second browser keeps working and now lists only itself.
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    await second.getByRole('heading', { name: 'Account', level: 1 }).waitFor(VISIBLE);
    expect(second.url()).toMatch(/\/account$/);
  });

  it('resets a forgotten password with the emailed code', async () => {
    const email = 'seller@vidarbha-ginning.example';
    const newPassword = 'Quiet-harbour-compass-9182';
    const page = await newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByTestId('reset-requested').waitFor(VISIBLE);
    await page.getByRole('link', { name: 'I have a code' }).click();
    await page.waitForURL(/\/reset-password\?email=/);
    // The message is prepared in the background after the answer.
    let code = '';
    await expect
      .poll(
        async () => {
          code = await latestCodeFor(server.handle.db, email).catch(() => '');
          return code;
        },
        { timeout: 10_000 },
      )
      .toMatch(/^\d{6}$/);
    await page.getByLabel('6-digit code').fill(code);
    await page.getByLabel('New password').fill(newPassword);
    await page.getByLabel('Confirm password').fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByTestId('reset-done').waitFor(VISIBLE);
    await page.getByRole('button', { name: 'Go to sign in' }).click();
    await page.waitForURL(/\/sign-in/);
    await signIn(page, email, newPassword);
    await page.getByTestId('signed-in-user').waitFor(VISIBLE);
  });

  it('creates an API token shown once, then revokes it', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/api-tokens`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, 'trader@deccan-cotton.example', PASSWORD);
    await page.waitForURL(/\/api-tokens$/);
    await page.getByTestId('empty').waitFor(VISIBLE);
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API token' });
    await dialog.getByLabel('Name').fill('ERP sync');
    await dialog.getByLabel('Expires after').selectOption('30');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByTestId('new-api-token');
    await shown.waitFor(VISIBLE);
    expect((await shown.inputValue()).length).toBeGreaterThan(20);
    await page.screenshot({ path: '/tmp/kapas-web-api-token-once.png' });
    await page.getByRole('button', { name: 'I have stored it safely' }).click();
    const row = page.getByRole('table', { name: 'API tokens' }).getByRole('row', { name: /ERP sync/ });
    await row.getByText('Active').waitFor(VISIBLE);
    expect(await page.getByTestId('new-api-token').count()).toBe(0);
    await row.getByRole('button', { name: 'Revoke ERP sync' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke token' }).click();
    await row.getByText('Revoked').waitFor(VISIBLE);
    await page.screenshot({ path: '/tmp/kapas-web-api-tokens.png' });
  });
});
