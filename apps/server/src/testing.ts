import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatabaseHandle, DEMO_PASSWORD, settings } from '@kapas/db';
import { createTestDatabase } from '@kapas/db/testing';
import { LocalDiskStore } from '@kapas/integrations';
import { LIMITS, type ServerConfig } from './config';
import { createLogger } from './logger';
import { sendersFrom } from './senders';
import { type RunningServer, startServer } from './server';

export type TestServer = RunningServer & { handle: DatabaseHandle; stop(): Promise<void> };

export const TEST_ORIGIN = 'http://localhost:5999';
export { DEMO_PASSWORD };

/**
 * Tests sign in far more often than a person: unless a test asks for the real limits, the
 * per-minute and per-hour limits are raised so they cannot interfere.
 */
export const RELAXED_LIMITS: Record<string, unknown> = {
  'rateLimit.signInPerMinute': 10_000,
  'rateLimit.signInPerHour': 100_000,
  'rateLimit.passwordResetPerHour': 10_000,
  'rateLimit.apiPerUserPerMinute': 100_000,
  'rateLimit.apiPerPartnerPerMinute': 1_000_000,
};

/** What every test server shares (production mode, ephemeral port, embedded channels); a test overrides what it exercises. */
export function testServerConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    production: true,
    allowedOrigins: [TEST_ORIGIN],
    secureCookies: true,
    staticRoots: { web: null, admin: null },
    ...LIMITS,
    publicUrl: TEST_ORIGIN,
    trustedProxies: new Set<string>(),
    rateLimitStore: 'memory',
    senders: sendersFrom({ KAPAS_MAIL_FROM: 'Kapas <no-reply@kapas.local>' }),
    publicDevOutbox: true,
    jobIntervalMs: 1_000,
    ...overrides,
  };
}

export type TestServerOptions = Partial<ServerConfig> & { settings?: Record<string, unknown> };

/** The real server on an ephemeral port over a fresh database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { settings: overrides = RELAXED_LIMITS, ...configOverrides } = options;
  const handle = await createTestDatabase({ demo: true });
  for (const [key, value] of Object.entries(overrides)) {
    await handle.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
  }
  const config = testServerConfig({
    // A fresh folder per server, so a test can look at exactly what was stored.
    storage: new LocalDiskStore(await mkdtemp(join(tmpdir(), 'kapas-documents-'))),
    fileLinkSecret: 'test-file-link-secret-0123456789',
    ...configOverrides,
  });
  const server = await startServer(handle, config, createLogger('silent'));
  return {
    ...server,
    handle,
    async stop() {
      await server.close();
      await handle.close();
    },
  };
}

export { latestCodeFor, signInAs } from './test-sign-in';
