import { hasCapability, useMe } from '@kapas/ui';

/** Whether the signed-in user may change masters (`master:write`); without it every screen is read-only. */
export function useCanWriteMasters(): boolean {
  const me = useMe();
  return hasCapability(me.data, 'master:write');
}

/** Whether the signed-in user holds a capability (the server checks again; this only hides what would fail). */
export function useCan(capability: string): boolean {
  const me = useMe();
  return hasCapability(me.data, capability);
}
