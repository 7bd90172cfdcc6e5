import type { RouterOutputs } from '@kapas/api';
import { Badge, type Column, DataTable, PageHeader, Select, trpc } from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { formatDateTime, humanize } from '../../lib/format';
import { BUSINESS_TYPES, PARTNER_STATUSES, type PartnerSort, type PartnersSearch, partnerStatusTone } from './search';

type Partner = RouterOutputs['partners']['list']['items'][number];

const PAGE_SIZE = 20;

export function PartnersPage() {
  const search = useSearch({ from: '/app/partners' });
  const navigate = useNavigate({ from: '/partners' });
  const setSearch = useCallback(
    (patch: Partial<PartnersSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const onSearchChange = useCallback((q: string) => setSearch({ q, page: 1 }), [setSearch]);
  const list = trpc.partners.list.useQuery(
    {
      page: search.page,
      pageSize: PAGE_SIZE,
      sort: search.sort,
      dir: search.dir,
      ...(search.q ? { q: search.q } : {}),
      ...(search.status ? { status: search.status } : {}),
      ...(search.businessType ? { businessType: search.businessType } : {}),
    },
    { placeholderData: keepPreviousData },
  );

  // Clicking the sorted column again flips the direction; a new column starts ascending (dates newest first).
  const onSortChange = (sort: PartnerSort) =>
    setSearch({
      sort,
      dir: sort === search.sort ? (search.dir === 'asc' ? 'desc' : 'asc') : sort === 'createdAt' ? 'desc' : 'asc',
      page: 1,
    });

  const columns: Column<Partner, PartnerSort>[] = [
    {
      id: 'name',
      header: 'Partner',
      sortKey: 'legalName',
      cell: (p) => (
        <Link to="/partners/$id" params={{ id: p.id }} className="group block leading-tight" data-testid="partner-link">
          <span className="font-medium text-slate-900 group-hover:underline">{p.tradeName ?? p.legalName}</span>
          <span className="block text-xs text-slate-500">{p.legalName}</span>
        </Link>
      ),
    },
    {
      id: 'number',
      header: 'Number',
      sortKey: 'number',
      cell: (p) => <span className="font-mono text-xs">{p.number ?? '—'}</span>,
    },
    { id: 'type', header: 'Type', cell: (p) => humanize(p.businessType) },
    { id: 'gstin', header: 'GSTIN / PAN', cell: (p) => <span className="font-mono text-xs">{p.gstin ?? p.pan ?? '—'}</span> },
    {
      id: 'status',
      header: 'Status',
      sortKey: 'status',
      cell: (p) => <Badge tone={partnerStatusTone(p.status)}>{humanize(p.status)}</Badge>,
    },
    { id: 'created', header: 'Created', sortKey: 'createdAt', cell: (p) => formatDateTime(p.createdAt) },
  ];

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Partners"
        description="Buyers, sellers, traders and service partners. Open one to see its whole profile."
      />
      <DataTable<Partner, PartnerSort>
        label="partners"
        columns={columns}
        rows={list.data?.items}
        rowKey={(p) => p.id}
        total={list.data?.total ?? 0}
        page={search.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setSearch({ page })}
        sort={search.sort}
        onSortChange={onSortChange}
        search={search.q}
        onSearchChange={onSearchChange}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyTitle="No partners match"
        toolbar={
          <>
            <Select
              aria-label="Business type"
              data-testid="partners-type-filter"
              value={search.businessType}
              onChange={(e) => setSearch({ businessType: e.target.value as PartnersSearch['businessType'], page: 1 })}
              className="w-40"
            >
              <option value="">All types</option>
              {BUSINESS_TYPES.map((t) => (
                <option key={t} value={t}>
                  {humanize(t)}
                </option>
              ))}
            </Select>
            <Select
              aria-label="Status"
              data-testid="partners-status-filter"
              value={search.status}
              onChange={(e) => setSearch({ status: e.target.value as PartnersSearch['status'], page: 1 })}
              className="w-44"
            >
              <option value="">All statuses</option>
              {PARTNER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </Select>
          </>
        }
      />
    </div>
  );
}
