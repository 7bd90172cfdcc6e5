import type { RouterOutputs } from '@kapas/api';
import {
  type Column,
  DataTable,
  formatBales,
  formatDate,
  formatInr,
  formatPricePerCandy,
  PageHeader,
  StateBadge,
  trpc,
  useMe,
} from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { snapshotName } from './contract-view';

type Contract = RouterOutputs['contracts']['mine']['items'][number];
const PAGE_SIZE = 20;

export function ContractsPage() {
  const me = useMe().data;
  const [page, setPage] = useState(1);
  const list = trpc.contracts.mine.useQuery({ page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData });
  const columns: Column<Contract, never>[] = [
    {
      id: 'number',
      header: 'Contract',
      cell: (c) => (
        <Link to="/trade-desk/contracts/$id" params={{ id: c.id }} className="font-medium text-brand-700 hover:underline">
          {c.number}
        </Link>
      ),
    },
    {
      id: 'party',
      header: 'Counterparty',
      cell: (c) => (c.buyerPartnerId === me?.partner?.id ? snapshotName(c.sellerSnapshot) : snapshotName(c.buyerSnapshot)),
    },
    { id: 'quantity', header: 'Quantity', cell: (c) => formatBales(c.quantity), className: 'text-right tabular-nums' },
    { id: 'price', header: 'Price', cell: (c) => formatPricePerCandy(c.price), className: 'text-right tabular-nums' },
    { id: 'value', header: 'Value', cell: (c) => formatInr(c.value), className: 'text-right tabular-nums' },
    { id: 'status', header: 'State', cell: (c) => <StateBadge state={c.status} /> },
    { id: 'date', header: 'Date', cell: (c) => formatDate(c.createdAt) },
  ];
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Contracts" description="Binding trade-desk contracts created when an offer was accepted." />
      <DataTable<Contract, never>
        label="Contracts"
        columns={columns}
        rows={list.data?.items}
        rowKey={(c) => c.id}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        isLoading={list.isFetching}
        error={list.error ?? undefined}
        onRetry={() => void list.refetch()}
        emptyTitle="No contracts yet"
      />
    </div>
  );
}
