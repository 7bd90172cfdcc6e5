import { signInAs, type TestServer } from '@kapas/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PASSWORD, signIn, signInStaff, startApps } from './harness';

const VISIBLE = { state: 'visible', timeout: 20_000 } as const;

/** The compliance queue: a partner's new certification is verified by a COMPLIANCE user in the admin app. */
describe('admin app: compliance verifies a certification', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startApps();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('shows the pending certification, verifies it with a note and the partner sees VERIFIED', async () => {
    // Created the way a partner creates it: through the typed client.
    const seller = await signInAs(server, 'seller@vidarbha-ginning.example');
    const cert = await seller.certifications.create.mutate({
      certificateType: 'GOTS',
      body: 'Control Union',
      number: 'E2E-GOTS-77',
      productScope: 'Organic cotton lint',
      issuedOn: '2026-01-15',
      expiresOn: '2028-01-14',
      visibleInTrade: true,
    });
    expect(cert.status).toBe('PENDING_VERIFICATION');

    await page.goto(`${server.url}/admin/compliance`);
    await page.waitForURL(/\/admin\/sign-in/);
    await signInStaff(page, server, 'compliance@kapas.local');
    await page.waitForURL(/\/admin\/compliance/);

    const queue = page.getByTestId('certification-queue');
    const row = queue.getByTestId('queue-certification').filter({ hasText: 'E2E-GOTS-77' });
    await row.waitFor(VISIBLE);
    await row.getByTestId('certification-verify').click();
    await page.getByTestId('decision-notes').fill('Checked against the Control Union register');
    await page.getByTestId('decision-confirm').click();
    await row.waitFor({ state: 'detached', timeout: 20_000 });
    await page.screenshot({ path: '/tmp/kapas-admin-compliance.png', fullPage: true });

    const after = await seller.certifications.get.query({ id: cert.id });
    expect(after).toMatchObject({ status: 'VERIFIED', statusNote: 'Checked against the Control Union register' });
    // It now shows under "Verified".
    await page.getByLabel('Certification status').selectOption('VERIFIED');
    await queue.getByTestId('queue-certification').filter({ hasText: 'E2E-GOTS-77' }).waitFor(VISIBLE);
  });

  it('lets a trader upload a document with the server deciding the type, and download it', async () => {
    const trader = await context.newPage();
    trader.setDefaultTimeout(20_000);
    await trader.goto(`${server.url}/compliance`);
    await trader.waitForURL(/\/sign-in/);
    await signIn(trader, 'seller@vidarbha-ginning.example', PASSWORD);
    await trader.waitForURL(/\/compliance$/);
    await trader.getByTestId('tab-documents').click();
    const panel = trader.getByTestId('company-documents');
    await panel.getByText('No documents yet').waitFor(VISIBLE);

    // A PNG named .pdf: accepted, as a PNG.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await panel.getByTestId('document-file').setInputFiles({ name: 'pan card.pdf', mimeType: 'application/pdf', buffer: png });
    const row = panel.getByTestId('document-row');
    await row.getByText('pan card.png').waitFor(VISIBLE);
    await row.getByTestId('document-status').filter({ hasText: 'pending' }).waitFor(VISIBLE);

    // An executable named .pdf: refused by content, nothing listed.
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0]);
    await panel.getByTestId('document-file').setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: exe });
    await panel.getByTestId('upload-error').filter({ hasText: 'checked by content' }).waitFor(VISIBLE);
    expect(await row.count()).toBe(1);

    const download = trader.waitForEvent('download');
    await row.getByRole('button', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toBe('pan card.png');
    await trader.screenshot({ path: '/tmp/kapas-web-compliance.png', fullPage: true });
  });
});
