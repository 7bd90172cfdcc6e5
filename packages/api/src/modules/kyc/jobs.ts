import type { Deps } from '../../context';

/** Scheduled work of this module; each returns a small summary recorded with the job run. */
export async function runKycReminders(_deps: Deps, _now: Date): Promise<Record<string, unknown>> {
  return { reminded: 0, expired: 0 };
}
