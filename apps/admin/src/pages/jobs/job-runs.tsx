import type { RouterOutputs } from '@kapas/api';
import { Badge, type Column, DataTable, trpc } from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';

type Run = RouterOutputs['jobs']['runs']['items'][number];
const PAGE_SIZE = 10;

/** The recorded runs of one job, newest first. */
export function JobRuns({ job }: { job: string }) {
  const [page, setPage] = useState(1);
  const runs = trpc.jobs.runs.useQuery({ job, page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData });
  const columns: Column<Run, never>[] = [
    { id: 'started', header: 'Started', className: 'whitespace-nowrap', cell: (r) => formatDateTime(r.startedAt) },
    { id: 'trigger', header: 'Trigger', cell: (r) => r.trigger },
    {
      id: 'status',
      header: 'Status',
      cell: (r) => (
        <Badge tone={r.status === 'SUCCEEDED' ? 'success' : r.status === 'FAILED' ? 'danger' : 'warning'}>{r.status}</Badge>
      ),
    },
    { id: 'instance', header: 'Server', cell: (r) => <span className="font-mono text-xs">{r.instance}</span> },
    {
      id: 'output',
      header: 'Output',
      cell: (r) => <span className="text-xs text-slate-600">{r.error ?? (r.output ? JSON.stringify(r.output) : '—')}</span>,
    },
  ];
  return (
    <section className="mt-6">
      <h2 className="mb-2 text-base font-semibold text-slate-900">Runs of {job}</h2>
      <DataTable<Run, never>
        label={`Runs of ${job}`}
        columns={columns}
        rows={runs.data?.items}
        rowKey={(r) => r.id}
        total={runs.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        isLoading={runs.isFetching}
        error={runs.error}
        onRetry={() => void runs.refetch()}
        emptyTitle="No recorded runs yet"
      />
    </section>
  );
}
