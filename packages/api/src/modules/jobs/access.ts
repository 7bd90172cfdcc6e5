import type { AccessRule } from '../../authorization';

const MANAGE: AccessRule = { access: 'job:manage', audience: 'BACK_OFFICE', tenant: 'back-office' };

/** Who may call each procedure of this module (see authorization.ts). */
export const JOBS_ACCESS: Record<string, AccessRule> = {
  'jobs.list': MANAGE,
  'jobs.runs': MANAGE,
  'jobs.runNow': MANAGE,
  'jobs.setEnabled': MANAGE,
};
