import type { DatabaseHandle } from '@kapas/db';
import { createTestDatabase } from '@kapas/db/testing';
import type { Deps } from './context';
import { createDeps } from './deps';

/** Services over a fresh database, for tests that call services or `createCaller` without a server. */
export async function createTestDeps(clock?: () => Date): Promise<{ deps: Deps; handle: DatabaseHandle }> {
  const handle = await createTestDatabase({ demo: true });
  const deps = await createDeps({ db: handle.db, publicUrl: 'http://localhost:3000', ...(clock ? { clock } : {}) });
  return { deps, handle };
}
