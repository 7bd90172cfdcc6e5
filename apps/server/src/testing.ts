import { type DatabaseHandle, DEMO_PASSWORD } from '@kapas/db';
import { createTestDatabase } from '@kapas/db/testing';
import { LIMITS, type ServerConfig } from './config';
import { createLogger } from './logger';
import { type RunningServer, startServer } from './server';

export type TestServer = RunningServer & { handle: DatabaseHandle; stop(): Promise<void> };

export const TEST_ORIGIN = 'http://localhost:5999';
export { DEMO_PASSWORD };

/** The real server on an ephemeral port over a fresh database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */
export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const handle = await createTestDatabase({ demo: true });
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    production: true,
    allowedOrigins: [TEST_ORIGIN],
    secureCookies: true,
    staticRoots: { web: null, admin: null },
    ...LIMITS,
    ...overrides,
  };
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
