import { Badge, Card, EmptyState, ErrorState, LoadingState, PageHeader, trpc } from '@kapas/ui';
import { ChevronRight } from 'lucide-react';

export function LocationsPage() {
  const tree = trpc.masters.locations.useQuery();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="Locations" description="States, regions and stations used for delivery and lot locations (read only)." />
      {tree.isPending ? (
        <LoadingState />
      ) : tree.isError ? (
        <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />
      ) : tree.data.length === 0 ? (
        <EmptyState title="No locations yet" />
      ) : (
        <Card className="divide-y divide-slate-100" aria-label="Location tree">
          {tree.data.map((state) => (
            <details key={state.id} className="group">
              <summary className="flex cursor-pointer list-none items-center gap-2 px-5 py-3 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
                <ChevronRight className="size-4 text-slate-400 transition-transform group-open:rotate-90" aria-hidden />
                <span className="font-medium text-slate-900">{state.name}</span>
                <Badge className="ml-1">GST {state.gstCode}</Badge>
                <span className="ml-auto text-xs text-slate-500">
                  {state.regions.length} regions · {state.regions.reduce((n, r) => n + r.stations.length, 0)} stations
                </span>
              </summary>
              <div className="grid gap-3 px-12 pb-4">
                {state.regions.length === 0 ? <p className="text-sm text-slate-500">No regions.</p> : null}
                {state.regions.map((region) => (
                  <div key={region.id}>
                    <div className="text-sm font-medium text-slate-700">{region.name}</div>
                    <ul className="mt-1 flex flex-wrap gap-2">
                      {region.stations.map((station) => (
                        <li
                          key={station.id}
                          className="rounded-md bg-slate-50 px-2 py-1 text-xs text-slate-600 ring-1 ring-slate-200"
                          title={`${station.latitude.toFixed(4)}, ${station.longitude.toFixed(4)}`}
                        >
                          {station.name}
                          <span className="ml-1 text-slate-400">
                            {station.latitude.toFixed(2)}, {station.longitude.toFixed(2)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            </details>
          ))}
        </Card>
      )}
    </div>
  );
}
