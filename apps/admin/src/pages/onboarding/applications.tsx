import type { RouterOutputs } from '@kapas/api';
import {
  Badge,
  Button,
  type Column,
  DataTable,
  Dialog,
  DialogContent,
  firstFieldErrors,
  PageHeader,
  Select,
  trpc,
} from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { FilePlus2 } from 'lucide-react';
import { useCallback, useState } from 'react';
import { formatDateTime, humanize } from '../../lib/format';
import { partnerStatusTone } from '../partners/search';
import { APPLICATION_STATUSES, type ApplicationsSearch } from './search';
import { StartForm } from './shared';

type Row = RouterOutputs['onboarding']['drafts']['items'][number];
const PAGE_SIZE = 20;

function NewApplicationDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const navigate = useNavigate();
  const [apiErrors, setApiErrors] = useState<Record<string, string>>({});
  const [apiError, setApiError] = useState<string | null>(null);
  const utils = trpc.useUtils();
  const create = trpc.onboarding.createDraft.useMutation({
    onSuccess: (r) => {
      void utils.onboarding.drafts.invalidate();
      void navigate({ to: '/applications/$id', params: { id: r.applicationId } });
    },
    onError: (error) => {
      const fields = firstFieldErrors(error);
      setApiErrors(fields);
      setApiError(Object.keys(fields).length ? null : error.message);
    },
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="New application" description="Start an application on a partner's behalf." className="max-w-2xl">
        <StartForm
          pending={create.isPending}
          apiError={apiError}
          apiErrors={apiErrors}
          onStart={(v) => create.mutate(v)}
          submitLabel="Create draft"
        />
      </DialogContent>
    </Dialog>
  );
}

/** Every onboarding application (self-service, back office, sub-broker), newest first. */
export function ApplicationsPage() {
  const search = useSearch({ from: '/app/applications' });
  const navigate = useNavigate({ from: '/applications' });
  const [creating, setCreating] = useState(false);
  const setSearch = useCallback(
    (patch: Partial<ApplicationsSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const onSearchChange = useCallback((q: string) => setSearch({ q, page: 1 }), [setSearch]);
  const list = trpc.onboarding.drafts.useQuery(
    {
      page: search.page,
      pageSize: PAGE_SIZE,
      ...(search.q ? { search: search.q } : {}),
      ...(search.status ? { status: search.status } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  const columns: Column<Row, never>[] = [
    {
      id: 'name',
      header: 'Applicant company',
      cell: (r) => (
        <Link
          to="/applications/$id"
          params={{ id: r.applicationId }}
          className="group block leading-tight"
          data-testid="application-link"
        >
          <span className="font-medium text-slate-900 group-hover:underline">{r.legalName}</span>
          <span className="block text-xs text-slate-500">
            {r.applicantName} · {r.applicantEmail}
          </span>
        </Link>
      ),
    },
    { id: 'number', header: 'Number', cell: (r) => <span className="font-mono text-xs">{r.number ?? '—'}</span> },
    { id: 'type', header: 'Type', cell: (r) => humanize(r.businessType) },
    { id: 'channel', header: 'Channel', cell: (r) => humanize(r.channel) },
    {
      id: 'status',
      header: 'Status',
      cell: (r) => (
        <Badge tone={partnerStatusTone(r.status)} data-testid="application-status">
          {humanize(r.status)}
        </Badge>
      ),
    },
    { id: 'step', header: 'Step', cell: (r) => (r.status === 'DRAFT' ? humanize(r.step) : '—') },
    { id: 'created', header: 'Started', cell: (r) => formatDateTime(r.createdAt) },
  ];
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Applications"
        description="Partner onboarding applications. Submitted ones are decided in the approvals queue."
        actions={
          <Button onClick={() => setCreating(true)} data-testid="new-application">
            <FilePlus2 aria-hidden /> New application
          </Button>
        }
      />
      <DataTable<Row, never>
        label="applications"
        columns={columns}
        rows={list.data?.items}
        rowKey={(r) => r.applicationId}
        total={list.data?.total ?? 0}
        page={search.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setSearch({ page })}
        search={search.q}
        onSearchChange={onSearchChange}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyTitle="No applications match"
        toolbar={
          <Select
            aria-label="Status"
            data-testid="applications-status-filter"
            value={search.status}
            onChange={(e) => setSearch({ status: e.target.value as ApplicationsSearch['status'], page: 1 })}
            className="w-48"
          >
            <option value="">All statuses</option>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </Select>
        }
      />
      <NewApplicationDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}
