import { hostname } from 'node:os';
import type { Deps } from '../../context';
import { API_JOBS, type JobDefinition } from './definitions';

export type JobRuntime = { jobs: readonly JobDefinition[]; instance: string };

/**
 * The server registers its job list (API jobs plus those needing its config) and instance id per
 * Deps, so `jobs.runNow` runs exactly what the scheduler runs. Without a server (in-process
 * callers) the API's own jobs are used.
 */
const runtimes = new WeakMap<Deps, JobRuntime>();

export function registerJobRuntime(deps: Deps, runtime: JobRuntime): void {
  runtimes.set(deps, runtime);
}

export function jobRuntimeOf(deps: Deps): JobRuntime {
  return runtimes.get(deps) ?? { jobs: API_JOBS, instance: `${hostname()}:${process.pid}` };
}
