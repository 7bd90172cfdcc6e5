import { type MasterKind, trpc } from '@kapas/ui';

const KINDS = [
  'VARIETY',
  'TRADE_TYPE',
  'BARGAIN_TYPE',
  'PASSING_TERM',
  'WEIGHTMENT_TERM',
  'DELIVERY_TERM',
  'PAYMENT_TERM',
] as const satisfies readonly MasterKind[];

/**
 * Names for the master ids a trade carries (variety, terms, stations), so the staff view reads like
 * the trader's. The lists are short (100 is the API's page limit) and cached for five minutes.
 */
export function useTradeNames() {
  const locations = trpc.masters.locations.useQuery(undefined, { staleTime: 5 * 60_000 });
  const lists = trpc.useQueries((t) => KINDS.map((kind) => t.masters.items({ kind, page: 1, pageSize: 100 })));
  const names = new Map<string, string>();
  for (const list of lists) for (const item of list.data?.items ?? []) names.set(item.id, item.name);
  for (const state of locations.data ?? []) {
    for (const region of state.regions)
      for (const station of region.stations) names.set(station.id, `${station.name} (${state.name})`);
  }
  return {
    isPending: locations.isPending || lists.some((q) => q.isPending),
    nameOf: (id: string | null | undefined) => (id ? (names.get(id) ?? '—') : '—'),
  };
}
