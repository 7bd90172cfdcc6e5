import { PageHeader, trpc } from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { SessionsTable } from '../components/sessions-table';
import type { SessionsSearch } from '../lib/search';

const PAGE_SIZE = 20;

export function SessionsPage() {
  const search = useSearch({ from: '/app/sessions' });
  const navigate = useNavigate({ from: '/sessions' });
  const setSearch = useCallback(
    (patch: Partial<SessionsSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const onSearchChange = useCallback((email: string) => setSearch({ email, page: 1 }), [setSearch]);
  const list = trpc.sessions.list.useQuery(
    { page: search.page, pageSize: PAGE_SIZE, ...(search.email ? { email: search.email } : {}) },
    { placeholderData: keepPreviousData, refetchInterval: 15_000 },
  );
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Sessions" description="Everyone signed in right now. Ending a session signs that device out at once." />
      <SessionsTable
        label="Live sessions"
        rows={list.data?.items}
        total={list.data?.total ?? 0}
        page={search.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setSearch({ page })}
        search={search.email}
        onSearchChange={onSearchChange}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    </div>
  );
}
