import type { RouterOutputs } from '@kapas/api';
import { type MasterKind, trpc } from '@kapas/ui';

export type Commodity = RouterOutputs['masters']['commodities'][number];
export type MasterItem = RouterOutputs['masters']['items']['items'][number];
export type LocationTree = RouterOutputs['masters']['locations'];
export type Station = { id: string; name: string; regionId: string; regionName: string; stateId: string; stateName: string };

const TERM_KINDS = [
  'VARIETY',
  'TRADE_TYPE',
  'BARGAIN_TYPE',
  'PASSING_TERM',
  'WEIGHTMENT_TERM',
  'DELIVERY_TERM',
  'PAYMENT_TERM',
  'CERTIFICATE_TYPE',
] as const satisfies readonly MasterKind[];

/** One master list, whole (they are short; 100 is the API's page limit). */
export function useMasterItems(kind: MasterKind) {
  return trpc.masters.items.useQuery({ kind, page: 1, pageSize: 100 }, { staleTime: 5 * 60_000 });
}

/** Everything a trade, lot or offer form picks from: commodities, terms, certificates and stations. */
export function useTradeMasters() {
  const commodities = trpc.masters.commodities.useQuery({}, { staleTime: 5 * 60_000 });
  const locations = trpc.masters.locations.useQuery(undefined, { staleTime: 5 * 60_000 });
  const lists = trpc.useQueries((t) => TERM_KINDS.map((kind) => t.masters.items({ kind, page: 1, pageSize: 100 })));
  const items = Object.fromEntries(TERM_KINDS.map((kind, i) => [kind, lists[i]?.data?.items ?? []])) as Record<
    (typeof TERM_KINDS)[number],
    MasterItem[]
  >;
  const stations: Station[] = (locations.data ?? []).flatMap((s) =>
    s.regions.flatMap((r) =>
      r.stations.map((st) => ({
        id: st.id,
        name: st.name,
        regionId: r.id,
        regionName: r.name,
        stateId: s.id,
        stateName: s.name,
      })),
    ),
  );
  const queries = [commodities, locations, ...lists];
  return {
    commodities: commodities.data ?? [],
    locations: locations.data ?? [],
    stations,
    items,
    isPending: queries.some((q) => q.isPending),
    error: queries.find((q) => q.error)?.error ?? null,
    refetch: () => {
      for (const q of queries) void q.refetch();
    },
    nameOf: (id: string | null | undefined) => {
      if (!id) return '—';
      for (const list of Object.values(items)) {
        const hit = list.find((i) => i.id === id);
        if (hit) return hit.name;
      }
      return stations.find((s) => s.id === id)?.name ?? commodities.data?.find((c) => c.id === id)?.name ?? '—';
    },
  };
}

export type TradeMasters = ReturnType<typeof useTradeMasters>;
