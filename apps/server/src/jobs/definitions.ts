import { API_JOBS, type Deps, deliverDueMessages, type JobDefinition, type Senders } from '@kapas/api';

/** The API's jobs plus the delivery queue, which needs this server's senders. */
export function serverJobs(senders: Senders): JobDefinition[] {
  return [
    {
      name: 'deliver-messages',
      schedule: '* * * * *',
      description: 'Sends queued emails and SMS with retries (every few seconds).',
      frequent: true,
      run: async (deps: Deps, now: Date) => ({ sent: await deliverDueMessages(deps.db, senders, now) }),
    },
    ...API_JOBS,
  ];
}
