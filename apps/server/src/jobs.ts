import { type Deps, deliverDueMessages, sweepSessions } from '@kapas/api';
import type { ServerConfig } from './config';
import type { Logger } from './logger';

/**
 * Background loops of this instance: the delivery queue and the session sweep. Each run finishes
 * before the next is scheduled, so a slow run never overlaps itself.
 */
export function startJobs(deps: Deps, config: ServerConfig, log: Logger): { stop(): Promise<void> } {
  let stopped = false;
  const running = new Set<Promise<void>>();
  const loop = (name: string, work: () => Promise<unknown>) => {
    const tick = () => {
      if (stopped) return;
      const run = work()
        .then(() => undefined)
        .catch((err: unknown) => log.error({ err, job: name }, 'job failed'))
        .finally(() => {
          running.delete(run);
          if (!stopped) setTimeout(tick, config.jobIntervalMs).unref();
        });
      running.add(run);
    };
    setTimeout(tick, config.jobIntervalMs).unref();
  };
  loop('deliver-messages', () => deliverDueMessages(deps.db, config.senders, deps.clock()));
  loop('sweep-sessions', () => sweepSessions(deps));
  return {
    async stop() {
      stopped = true;
      await Promise.all([...running]);
    },
  };
}
