import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../components/app-shell';
import { trpc } from '../trpc/trpc';

/** The signed-in user (`null` when signed out, `undefined` while loading). */
export function useMe() {
  return trpc.auth.me.useQuery(undefined, { staleTime: 60_000, retry: 1 });
}

export function hasCapability(me: Me | null | undefined, capability: string): boolean {
  return me?.capabilities.includes(capability) ?? false;
}

/** Signs out, forgets every cached query of the previous user, then calls `onDone`. */
export function useSignOut(onDone: () => void) {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  return trpc.auth.signOut.useMutation({
    onSettled: () => {
      queryClient.clear();
      utils.auth.me.setData(undefined, null);
      onDone();
    },
  });
}
