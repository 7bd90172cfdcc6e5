import { messages } from '@kapas/db';
import { latestCodeFor, type TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInStaff, startApps } from './harness';

const VISIBLE = { state: 'visible', timeout: 20_000 } as const;
const APPLICANT = {
  name: 'Harshad Mehta',
  legalName: 'Gondal Ginning Pvt Ltd',
  email: 'harshad@gondal-ginning.example',
  mobile: '9876511111',
  pan: 'AAACF1313Q',
  gstin: '24AAACF1313Q1ZS',
  password: 'Monsoon-lanterns-drift-east-77',
};

/** The newest message of a channel (or template) to a recipient, read from the dev outbox table as the outbox page shows it. */
async function newestMessage(
  server: TestServer,
  recipient: string,
  match: (m: { channel: string; template: string | null }) => boolean,
) {
  const rows = await server.handle.db.select().from(messages);
  return rows
    .filter((m) => m.recipient === recipient && match(m))
    .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)) || Number(b.id) - Number(a.id))[0];
}

async function smsCodeFor(server: TestServer, mobile: string): Promise<string> {
  const code = (await newestMessage(server, mobile, (m) => m.channel === 'SMS'))?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no SMS code for ${mobile}`);
  return code;
}

async function welcomeLinkFor(server: TestServer, email: string): Promise<string> {
  const path = (await newestMessage(server, email, (m) => m.template === 'WELCOME'))?.body.match(
    /\/accept-invite\?token=[^\s"'<>)&]+/,
  )?.[0];
  if (!path) throw new Error(`no welcome link for ${email}`);
  return path;
}

/** A new partner registers through the wizard, back office approves it, the partner sets a password and signs in. */
describe('trader app: become a partner', () => {
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

  it('registers, is approved in the approvals queue, sets a password and signs in', async () => {
    const applicant = await newPage();
    await applicant.goto(`${server.url}/sign-in`);
    await applicant.getByTestId('become-a-partner-link').click();
    await applicant.waitForURL(/\/become-a-partner/);

    // Start: the shared schema refuses a bad mobile before anything is sent.
    await applicant.getByTestId('start-name').fill(APPLICANT.name);
    await applicant.getByTestId('start-legalName').fill(APPLICANT.legalName);
    await applicant.getByTestId('start-email').fill(APPLICANT.email);
    await applicant.getByTestId('start-mobile').fill('12345');
    await applicant.getByTestId('start-submit').click();
    await applicant.getByTestId('field-error').first().waitFor(VISIBLE);
    await applicant.getByTestId('start-mobile').fill(APPLICANT.mobile);
    await applicant.getByTestId('start-submit').click();
    await applicant.waitForURL(/\/become-a-partner\?resume=/);
    await applicant.getByTestId('resume-link').waitFor(VISIBLE);
    expect(await applicant.evaluate(() => window.localStorage.getItem('kapas.onboarding.resume'))).toBeTruthy();

    // Company (prefilled) and contacts (prefilled with the applicant).
    await applicant.getByTestId('step-company').waitFor(VISIBLE);
    await applicant.getByTestId('step-save').click();
    await applicant.getByTestId('step-contacts').waitFor(VISIBLE);
    await applicant.getByTestId('step-save').click();

    // Tax: a wrong GSTIN check character is caught in the browser with the API's message.
    await applicant.getByTestId('step-tax').waitFor(VISIBLE);
    await applicant.getByTestId('tax-pan').fill(APPLICANT.pan);
    await applicant.getByTestId('tax-gstin').fill('24AAACF1313Q1ZT');
    await applicant.getByTestId('step-save').click();
    await applicant.getByText('GSTIN check character is wrong').waitFor(VISIBLE);
    await applicant.getByTestId('tax-gstin').fill(APPLICANT.gstin);
    await applicant.getByTestId('step-save').click();

    // Addresses: the head office takes the registered address.
    await applicant.getByTestId('step-addresses').waitFor(VISIBLE);
    await applicant.getByTestId('reg-line1').fill('Station Road, Plot 4');
    await applicant.getByTestId('reg-city').fill('Gondal');
    await applicant.getByTestId('reg-state').selectOption('24');
    await applicant.getByTestId('reg-pincode').fill('360311');
    await applicant.getByTestId('step-save').click();

    await applicant.getByTestId('step-bank').waitFor(VISIBLE);
    await applicant.getByTestId('bank-accountNumber').fill('001122334455');
    await applicant.getByTestId('bank-ifsc').fill('SBIN0060302');
    await applicant.getByTestId('bank-bankName').fill('State Bank of India');
    await applicant.getByTestId('step-save').click();

    // Documents: the applicant (no account yet) uploads the PAN card through a one-time link.
    await applicant.getByTestId('documents-step').waitFor(VISIBLE);
    await applicant.getByTestId('upload-PAN_CARD').setInputFiles({
      name: 'pan-card.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await applicant.getByTestId('document-PAN_CARD').getByText('pan-card.pdf · version 1').waitFor(VISIBLE);
    await applicant.getByTestId('documents-continue').click();
    await applicant.getByTestId('consent-terms').check();
    await applicant.getByTestId('consent-privacy').check();
    await applicant.getByTestId('step-save').click();

    // Verify email and mobile with the codes from the dev outbox.
    await applicant.getByTestId('send-email-code').click();
    await applicant.getByTestId('email-code').waitFor(VISIBLE);
    await applicant.getByTestId('email-code').fill(await latestCodeFor(server.handle.db, APPLICANT.email));
    await applicant.getByTestId('verify-email-code').click();
    await applicant.getByTestId('verified-email').waitFor(VISIBLE);
    await applicant.getByTestId('send-mobile-code').click();
    await applicant.getByTestId('mobile-code').waitFor(VISIBLE);
    await applicant.getByTestId('mobile-code').fill(await smsCodeFor(server, `+91${APPLICANT.mobile}`));
    await applicant.getByTestId('verify-mobile-code').click();
    await applicant.getByTestId('verified-mobile').waitFor(VISIBLE);
    await applicant.screenshot({ path: '/tmp/kapas-web-onboarding-verify.png', fullPage: true });

    await applicant.getByTestId('verify-continue').click();
    await applicant.getByTestId('review').waitFor(VISIBLE);
    await applicant.getByTestId('submit-application').click();
    await applicant.waitForURL(/\/application-status\?resume=/);
    await applicant.getByTestId('application-status-badge').getByText('Awaiting approval').waitFor(VISIBLE);

    // Back office approves it in the approvals queue.
    const admin = await newPage();
    await admin.goto(`${server.url}/admin/approvals`);
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInStaff(admin, server, 'admin@kapas.local');
    await admin.waitForURL(/\/admin\/approvals/);
    const row = admin.getByRole('table', { name: 'Approval requests' }).getByRole('row').filter({ hasText: APPLICANT.legalName });
    await row.waitFor(VISIBLE);
    await row.getByTestId('approval-open').click();
    const drawer = admin.getByTestId('approval-drawer');
    await drawer.waitFor(VISIBLE);
    await admin.getByTestId('drawer-approve').click();
    const dialog = admin.getByTestId('decision-dialog');
    await dialog.waitFor(VISIBLE);
    await dialog.getByTestId('decision-note').fill('PAN and GST verified');
    await dialog.getByTestId('decision-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.screenshot({ path: '/tmp/kapas-admin-onboarding-approved.png', fullPage: true });

    await applicant.reload();
    await applicant.getByTestId('application-status-badge').getByText('Approved').waitFor(VISIBLE);

    // The welcome email's one-time link: the new primary user chooses a password and is signed in.
    await applicant.goto(`${server.url}${await welcomeLinkFor(server, APPLICANT.email)}`);
    await applicant.getByLabel('Password', { exact: true }).fill(APPLICANT.password);
    await applicant.getByLabel('Confirm password').fill(APPLICANT.password);
    await applicant.getByRole('button', { name: 'Set password and sign in' }).click();
    await applicant.getByTestId('signed-in-user').waitFor(VISIBLE);
    expect(new URL(applicant.url()).pathname).not.toMatch(/accept-invite|sign-in/);
    expect(await applicant.getByTestId('signed-in-user').textContent()).toContain(APPLICANT.name);
    await applicant.screenshot({ path: '/tmp/kapas-web-onboarding-signed-in.png' });
  });

  it('lets back office start an application for a partner and fill it with the same steps', async () => {
    const ops = await newPage();
    await ops.goto(`${server.url}/admin/applications`);
    await ops.waitForURL(/\/admin\/sign-in/);
    await signInStaff(ops, server, 'ops@kapas.local');
    await ops.waitForURL(/\/admin\/applications/);
    // The seeded applications are listed with their states.
    await ops.getByRole('table', { name: 'applications' }).getByText('Adilabad Ginning Mills Pvt Ltd').waitFor(VISIBLE);

    await ops.getByTestId('new-application').click();
    await ops.getByTestId('start-name').fill('Walk-in Owner');
    await ops.getByTestId('start-legalName').fill('Jetpur Cotton Mills');
    await ops.getByTestId('start-email').fill('owner@jetpur-cotton.example');
    await ops.getByTestId('start-mobile').fill('9876522222');
    await ops.getByTestId('start-businessType').selectOption('BUYER');
    await ops.getByTestId('start-submit').click();
    await ops.waitForURL(/\/admin\/applications\/[0-9a-f-]{36}$/);
    await ops.getByTestId('step-company').waitFor(VISIBLE);
    await ops.getByTestId('step-save').click();
    await ops.getByTestId('step-contacts').waitFor(VISIBLE);
    await ops.screenshot({ path: '/tmp/kapas-admin-application.png', fullPage: true });

    await ops.getByRole('link', { name: 'All applications' }).click();
    const row = ops.getByRole('table', { name: 'applications' }).getByRole('row').filter({ hasText: 'Jetpur Cotton Mills' });
    await row.waitFor(VISIBLE).catch(async (e) => {
      await ops.screenshot({ path: '/tmp/kapas-admin-applications-fail.png', fullPage: true });
      throw e;
    });
    expect(await row.getByTestId('application-status').textContent()).toBe('Draft');
  });
});
