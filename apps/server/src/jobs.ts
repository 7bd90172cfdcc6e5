import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { type Deps, ensureJobRows, type JobDefinition, registerJobRuntime, runDueJobs, runFrequent } from '@kapas/api';
import type { ServerConfig } from './config';
import { serverJobs } from './jobs/definitions';
import type { Logger } from './logger';

/**
 * The job runner of this instance.
 *  - Frequent jobs (delivery queue, session sweep) loop every `jobIntervalMs` on every instance, as
 *    before; their loop runs are not recorded in job_runs unless they fail (they would flood it).
 *  - Cron jobs: every `jobIntervalMs` the instance tries to claim each due job's slot; the claim
 *    (advisory lock + advancing next_run_at + a RUNNING row) lets exactly one instance run a slot
 *    when several share one database. A run is recorded in job_runs with this instance's id.
 * Each loop waits for its previous run to finish, so a slow run never overlaps itself here.
 */
export function startJobs(deps: Deps, config: ServerConfig, log: Logger): { stop(): Promise<void>; instance: string } {
  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const defs: JobDefinition[] = serverJobs(config.senders);
  registerJobRuntime(deps, { jobs: defs, instance });
  let stopped = false;
  const running = new Set<Promise<void>>();
  const seeded = ensureJobRows(deps.db, defs, deps.clock()).catch((err: unknown) => log.error({ err }, 'job rows not seeded'));
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
  for (const def of defs.filter((d) => d.frequent)) loop(def.name, () => runFrequent(deps, def, instance));
  loop('scheduler', async () => {
    await seeded;
    for (const run of await runDueJobs(deps, defs, instance)) {
      if (run.status === 'FAILED') log.error({ job: run.jobName, error: run.error }, 'scheduled job failed');
    }
  });
  return {
    instance,
    async stop() {
      stopped = true;
      await Promise.all([...running]);
    },
  };
}
