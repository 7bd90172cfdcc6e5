import type { Database } from '@kapas/db';
import type { Deps } from './context';
import { EventBus } from './realtime/bus';
import { MemoryRateLimiter, type RateLimiter } from './shared/rate-limit';
import { SettingsStore } from './shared/settings';

export type DepsOptions = {
  db: Database;
  publicUrl: string;
  /** Signs document download links; the embedded default is for development only. */
  fileLinkSecret?: string;
  limiter?: RateLimiter;
  clock?: () => Date;
  onBackgroundError?: (label: string, error: unknown) => void;
};

const BACKGROUND_DELAY_MS = 20;

/** Builds the service dependencies and starts the event bus from the newest committed event. */
export async function createDeps(options: DepsOptions): Promise<Deps & { drainBackground(): Promise<void> }> {
  const bus = new EventBus(options.db, (error) => options.onBackgroundError?.('event-bus', error));
  await bus.start();
  const pending = new Set<Promise<void>>();
  return {
    db: options.db,
    bus,
    settings: new SettingsStore(options.db),
    limiter: options.limiter ?? new MemoryRateLimiter(),
    clock: options.clock ?? (() => new Date()),
    publicUrl: options.publicUrl,
    fileLinkSecret: options.fileLinkSecret ?? 'kapas-dev-file-link-secret',
    background(label, work) {
      // Start after the current response has been written: with the embedded database the work
      // would otherwise run on the event loop before the answer leaves, and show in its timing.
      const task = new Promise<void>((resolve) => setTimeout(resolve, BACKGROUND_DELAY_MS))
        .then(work)
        .catch((error: unknown) => options.onBackgroundError?.(label, error))
        .finally(() => pending.delete(task));
      pending.add(task);
    },
    /** Waits for background work (tests, graceful shutdown). */
    async drainBackground() {
      await Promise.all([...pending]);
    },
  };
}
