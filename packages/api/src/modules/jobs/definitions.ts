import type { Deps } from '../../context';
import { expireApprovals } from '../approvals/expiry';
import { runCertificationExpiry } from '../certifications/jobs';
import { runKycReminders } from '../kyc/jobs';
import { runNotificationDigest } from '../notifications/digest';
import { sweepSessions } from '../sessions/sweep';
import { runTradeDeskExpiry } from '../trade-desk/jobs';

export type JobDefinition = {
  name: string;
  /** 5-field cron, UTC. For `frequent` jobs it is only what the jobs page shows. */
  schedule: string;
  description: string;
  /**
   * Frequent jobs run every few seconds on every instance (the delivery queue and the session
   * sweep, which are safe to run concurrently). To keep job_runs readable their loop runs are not
   * recorded unless they fail; manual runs are recorded like any other.
   */
  frequent?: boolean;
  run(deps: Deps, now: Date): Promise<Record<string, unknown>>;
};

/** The jobs the API package can run on its own; the server adds those needing its config (delivery). */
export const API_JOBS: readonly JobDefinition[] = [
  {
    name: 'sweep-sessions',
    schedule: '* * * * *',
    description: 'Ends idle and expired sessions and warns those about to go idle (every few seconds).',
    frequent: true,
    run: (deps) => sweepSessions(deps),
  },
  {
    name: 'approval-expiry',
    schedule: '*/15 * * * *',
    description: 'Marks pending approval requests past their expiry EXPIRED and tells the requester.',
    run: (deps, now) => expireApprovals(deps, now),
  },
  {
    name: 'notification-digest',
    schedule: '30 2 * * *',
    description: 'Once a day (08:00 IST): one digest email per user who chose DIGEST.',
    run: (deps, now) => runNotificationDigest(deps, now),
  },
  {
    name: 'kyc-reminders',
    schedule: '0 3 * * *',
    description: 'KYC renewal reminders and expiry.',
    run: (deps, now) => runKycReminders(deps, now),
  },
  {
    name: 'certification-expiry',
    schedule: '15 3 * * *',
    description: 'Certification expiry reminders and expiry.',
    run: (deps, now) => runCertificationExpiry(deps, now),
  },
  {
    name: 'trade-desk-expiry',
    schedule: '*/5 * * * *',
    description: 'Expires trades, offers and lots whose validity or inactivity window passed.',
    run: (deps, now) => runTradeDeskExpiry(deps, now),
  },
];
