import type { RouterOutputs } from '@kapas/api';
import { Badge, Button, type Column, DataTable, errorMessage, PageHeader, toast, trpc } from '@kapas/ui';
import { Link } from '@tanstack/react-router';
import { Pencil, Plus } from 'lucide-react';
import { useCanWriteMasters } from '../lib/permissions';

type Commodity = RouterOutputs['masters']['commodities'][number];

export function CommoditiesPage() {
  const canWrite = useCanWriteMasters();
  const commodities = trpc.masters.commodities.useQuery({ includeInactive: true });
  const utils = trpc.useUtils();
  const setActive = trpc.masters.setCommodityActive.useMutation({
    onSuccess: (row) => {
      toast.success(`${row.name} is now ${row.active ? 'active' : 'inactive'}`);
      void utils.masters.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const columns: Column<Commodity, never>[] = [
    { id: 'code', header: 'Code', cell: (c) => <span className="font-mono text-xs">{c.code}</span> },
    {
      id: 'name',
      header: 'Name',
      cell: (c) => (
        <Link
          to="/commodities/$id"
          params={{ id: c.id }}
          className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
        >
          {c.name}
        </Link>
      ),
    },
    { id: 'hsn', header: 'HSN', cell: (c) => c.hsnCode },
    { id: 'gst', header: 'GST', cell: (c) => `${Number(c.gstRate)} %` },
    { id: 'units', header: 'Units', cell: (c) => `${c.tradeUnit} · per ${c.rateUnit}` },
    { id: 'params', header: 'Quality parameters', cell: (c) => c.qualityTemplate.length },
    {
      id: 'status',
      header: 'Status',
      cell: (c) => <Badge tone={c.active ? 'success' : 'neutral'}>{c.active ? 'Active' : 'Inactive'}</Badge>,
    },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (c) => (
        <div className="flex justify-end gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link to="/commodities/$id" params={{ id: c.id }} aria-label={`${canWrite ? 'Edit' : 'View'} ${c.name}`}>
              <Pencil aria-hidden />
              {canWrite ? 'Edit' : 'View'}
            </Link>
          </Button>
          {canWrite ? (
            <Button
              variant="secondary"
              size="sm"
              loading={setActive.isPending && setActive.variables.id === c.id}
              onClick={() => setActive.mutate({ id: c.id, active: !c.active, version: c.version })}
              aria-label={`${c.active ? 'Deactivate' : 'Activate'} ${c.name}`}
            >
              {c.active ? 'Deactivate' : 'Activate'}
            </Button>
          ) : null}
        </div>
      ),
    },
  ];

  const rows = commodities.data;
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Commodities"
        description="Tradeable commodities, their tax details and the quality template lots are graded on."
        actions={
          canWrite ? (
            <Button asChild>
              <Link to="/commodities/new">
                <Plus aria-hidden />
                New commodity
              </Link>
            </Button>
          ) : (
            <Badge>Read only</Badge>
          )
        }
      />
      <DataTable
        label="Commodities"
        columns={columns}
        rows={rows}
        rowKey={(c) => c.id}
        total={rows?.length ?? 0}
        page={1}
        pageSize={Math.max(rows?.length ?? 0, 1)}
        onPageChange={() => {}}
        isLoading={commodities.isPending}
        error={commodities.error}
        onRetry={() => void commodities.refetch()}
        emptyTitle="No commodities yet"
        rowClassName={(c) => (c.active ? undefined : 'text-slate-400')}
      />
    </div>
  );
}
