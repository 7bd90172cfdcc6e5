import type { RouterOutputs } from '@kapas/api';
import { type Column, DataTable, formatDecimal, formatInr, trpc } from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';

type Row = RouterOutputs['tradeDesk']['sellerPerformance']['items'][number];
const PAGE_SIZE = 10;

const columns: Column<Row, never>[] = [
  { id: 'name', header: 'Seller', cell: (r) => <span className="font-medium text-slate-900">{r.name ?? '—'}</span> },
  { id: 'offers', header: 'Offers', cell: (r) => r.offers, className: 'text-right tabular-nums' },
  { id: 'accepted', header: 'Accepted', cell: (r) => r.accepted, className: 'text-right tabular-nums' },
  {
    id: 'rate',
    header: 'Acceptance',
    cell: (r) => `${formatDecimal(r.acceptanceRate, { min: 0, max: 1 })}%`,
    className: 'text-right tabular-nums',
  },
  {
    id: 'response',
    header: 'Median response',
    cell: (r) => (r.medianResponseMinutes === null ? '—' : `${Math.round(r.medianResponseMinutes)} min`),
    className: 'text-right tabular-nums',
  },
  { id: 'value', header: 'Contract value', cell: (r) => formatInr(r.value), className: 'text-right tabular-nums' },
];

/** Offers, acceptance rate, response time and value per seller (DOMAIN §6.6), paged on the server. */
export function SellerPerformance() {
  const [page, setPage] = useState(1);
  const list = trpc.tradeDesk.sellerPerformance.useQuery({ page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData });
  return (
    <div>
      <h2 className="mb-2 text-sm font-semibold text-slate-900">Seller performance</h2>
      <DataTable<Row, never>
        label="Seller performance"
        columns={columns}
        rows={list.data?.items}
        rowKey={(r) => r.sellerPartnerId}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        isLoading={list.isFetching}
        error={list.error ?? undefined}
        onRetry={() => void list.refetch()}
        emptyTitle="No offers yet"
      />
    </div>
  );
}
