/** What the server needs to schedule jobs (re-exported from @kapas/api). */
export { isValidCron, nextRun, parseCron } from './cron';
export { API_JOBS, type JobDefinition } from './definitions';
export { ensureJobRows, type JobRunRow, runDueJobs, runFrequent } from './run';
export { registerJobRuntime } from './runtime';
