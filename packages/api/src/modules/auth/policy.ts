import type { SessionPolicy } from '@kapas/auth';
import type { Deps } from '../../context';

export async function sessionPolicy(deps: Deps): Promise<SessionPolicy> {
  const [idleMinutes, absoluteHours] = await Promise.all([
    deps.settings.number('session.idleMinutes', 30),
    deps.settings.number('session.absoluteHours', 12),
  ]);
  return { idleMs: idleMinutes * 60_000, absoluteMs: absoluteHours * 3_600_000 };
}
