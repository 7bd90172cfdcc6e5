import { hasCapability, useMe } from '@kapas/ui';

/** Whether the signed-in user may change masters (`master:write`); without it every screen is read-only. */
export function useCanWriteMasters(): boolean {
  const me = useMe();
  return hasCapability(me.data, 'master:write');
}
