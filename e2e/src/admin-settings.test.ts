import type { TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInStaff, startApps } from './harness';

const VISIBLE = { state: 'visible', timeout: 20_000 } as const;

/** The admin's platform screens (settings and message templates), one super-admin session for the whole file. */
describe('admin app: settings and message templates', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
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
    admin = await newPage();
    await admin.goto(`${server.url}/admin/settings`);
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInStaff(admin, server, 'admin@kapas.local');
    await admin.waitForURL(/\/admin\/settings/);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('refuses a minimum password length below the bound and saves 14, which the trader app then asks for', async () => {
    await admin.getByRole('heading', { name: 'Passwords' }).waitFor(VISIBLE);
    const row = admin.getByRole('form', { name: 'Minimum password length' });
    const field = row.getByRole('spinbutton', { name: 'Minimum password length' });
    await field.fill('8');
    await row.getByRole('button', { name: 'Save Minimum password length' }).click();
    await row.getByTestId('field-error').getByText('Enter a number from 12 to 64').waitFor(VISIBLE);
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await field.fill('14');
    await row.getByRole('button', { name: 'Save Minimum password length' }).click();
    await admin.getByText('Saved “Minimum password length”').waitFor(VISIBLE);
    await row.getByTestId('setting-value').getByText('14', { exact: true }).waitFor(VISIBLE);
    expect(await row.getByTestId('field-error').count()).toBe(0);
    expect(await row.getByTestId('setting-updated').textContent()).toBe('just now');
    await admin.screenshot({ path: '/tmp/kapas-admin-settings.png', fullPage: true });

    // The public password policy follows: the trader app's reset page now asks for 14 characters.
    const trader = await newPage();
    await trader.goto(`${server.url}/reset-password?token=not-a-real-token`);
    await trader.getByTestId('password-hints').getByText('At least 14 characters').waitFor(VISIBLE);
  });

  it('refuses an unknown placeholder in the sign-in code email and saves a valid body', async () => {
    await admin.getByRole('link', { name: 'Message templates' }).click();
    await admin.waitForURL(/\/admin\/templates/);
    await admin.getByRole('button', { name: 'SIGN_IN_OTP email' }).click();
    const form = admin.getByRole('form', { name: 'Edit template' });
    const body = form.getByRole('textbox', { name: 'Body' });
    await body.waitFor(VISIBLE);

    await body.fill('Hello {{name}}, your code is {{code}}. Ask {{manager}} for help.');
    await form.getByRole('button', { name: 'Save template' }).click();
    await form
      .getByTestId('field-error')
      .getByText(/Unknown placeholders: \{\{manager\}\}/)
      .waitFor(VISIBLE);

    // A chip inserts the placeholder at the cursor; the preview fills it with a sample value.
    await body.fill('Hello , your Kapas code is ready.');
    await body.focus();
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(6, 6));
    await form.getByRole('button', { name: '{{name}}' }).click();
    await body.press('End');
    await body.pressSequentially(' Code: ');
    await form.getByRole('button', { name: '{{code}}' }).click();
    expect(await body.inputValue()).toBe('Hello {{name}}, your Kapas code is ready. Code: {{code}}');
    const preview = admin.getByTestId('template-preview');
    expect(await preview.textContent()).toContain('Hello Asha Patel, your Kapas code is ready. Code: 482913');

    await form.getByRole('button', { name: 'Save template' }).click();
    await admin.getByText('Saved SIGN_IN_OTP (email)').waitFor(VISIBLE);
    await admin.getByRole('button', { name: 'SIGN_IN_OTP email' }).getByText('Customised').waitFor(VISIBLE);
    expect(await form.getByTestId('field-error').count()).toBe(0);
    await admin.screenshot({ path: '/tmp/kapas-admin-templates.png', fullPage: true });
  });
});
