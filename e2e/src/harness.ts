import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { latestCodeFor, startTestServer, type TestServer } from '@kapas/server/testing';
import { type Browser, chromium, type Page } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = resolve(here, '../../apps/web/dist');
export const ADMIN_DIST = resolve(here, '../../apps/admin/dist');
export const PASSWORD = 'KapasDemo#2026';

export async function startApps(): Promise<TestServer> {
  for (const dist of [WEB_DIST, ADMIN_DIST]) {
    if (!existsSync(resolve(dist, 'index.html'))) {
      throw new Error(
        `${dist} is missing: build the apps first (pnpm --filter @kapas/web build && pnpm --filter @kapas/admin build)`,
      );
    }
  }
  return startTestServer({ staticRoots: { web: WEB_DIST, admin: ADMIN_DIST } });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Fills the sign-in form by its labels and submits it with the keyboard. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
}

/** The code step of a two-step sign-in: waits for it, types the code and submits it with the keyboard. */
export async function enterCode(page: Page, code: string): Promise<void> {
  const field = page.getByRole('textbox', { name: 'Verification code' });
  await field.waitFor({ state: 'visible', timeout: 20_000 });
  await field.fill(code);
  await field.press('Enter');
}

/**
 * Back-office sign-in (always two steps): email and password, then the code from the dev outbox,
 * read from the database the way the outbox page shows it. Sign each account in at most once a
 * minute: the API sends one code per minute per address.
 */
export async function signInStaff(page: Page, server: TestServer, email: string, password = PASSWORD): Promise<void> {
  await signIn(page, email, password);
  await page.getByRole('textbox', { name: 'Verification code' }).waitFor({ state: 'visible', timeout: 20_000 });
  await enterCode(page, await latestCodeFor(server.handle.db, email));
  await leftSignIn(page, email);
}

/**
 * Waits until the page has left the sign-in page after the code was sent; on failure, says what
 * the page shows (an error, or a request still pending) and keeps a screenshot in /tmp.
 */
export async function leftSignIn(page: Page, label: string, timeout = 20_000): Promise<void> {
  try {
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'), { timeout });
  } catch (error) {
    const file = `/tmp/kapas-e2e-stuck-${label.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await page.screenshot({ path: file }).catch(() => {});
    const busy = await page.locator('button[aria-busy="true"]').count();
    const errors = await page.getByRole('alert').allTextContents();
    throw new Error(
      `still on sign-in after the code (${busy ? 'request still pending' : 'no request pending'}; alerts: ${JSON.stringify(errors)}; screenshot ${file}): ${String(error)}`,
    );
  }
}
