import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '@kapas/server/testing';
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
