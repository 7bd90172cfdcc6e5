import type { DatabaseHandle } from '@kapas/db';
import { createTestDatabase } from '@kapas/db/testing';
import type { Deps } from './context';
import { EventBus } from './realtime/bus';
import { SettingsStore } from './shared/settings';

/** Services over a fresh database, for tests that call services or `createCaller` without a server. */
export async function createTestDeps(clock: () => Date = () => new Date()): Promise<{ deps: Deps; handle: DatabaseHandle }> {
  const handle = await createTestDatabase({ demo: true });
  const bus = new EventBus(handle.db);
  await bus.start();
  return { deps: { db: handle.db, bus, settings: new SettingsStore(handle.db), clock }, handle };
}
