import type { RouterOutputs } from '@kapas/api';
import {
  Button,
  Checkbox,
  type Column,
  DataTable,
  errorMessage,
  fieldErrors,
  Input,
  PageHeader,
  Select,
  toast,
  trpc,
  useConnectionState,
} from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { formatDateTime, humanize } from '../../lib/format';
import { type Decision, DecisionDialog } from './decision-dialog';
import { ApprovalDrawer } from './detail-drawer';
import { APPROVAL_STATES, APPROVAL_TYPES, type ApprovalsSearch } from './search';
import { StatusBadge } from './status-badge';

type Row = RouterOutputs['approvals']['list']['items'][number];
type Sort = ApprovalsSearch['sort'];

const PAGE_SIZE = 25;

/** What the note dialog is deciding: the selected rows (bulk) or the one open in the drawer. */
type Pending = { decision: Decision; ids: string[]; version?: number } | null;

export function ApprovalsPage() {
  const search = useSearch({ from: '/app/approvals' });
  const navigate = useNavigate({ from: '/approvals' });
  const connection = useConnectionState();
  const utils = trpc.useUtils();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Pending>(null);
  const setSearch = useCallback(
    (patch: Partial<ApprovalsSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const list = trpc.approvals.list.useQuery(
    {
      page: search.page,
      pageSize: PAGE_SIZE,
      sort: search.sort,
      dir: search.dir,
      ...(search.type ? { type: search.type } : {}),
      ...(search.status ? { status: search.status } : {}),
      ...(search.from ? { from: search.from } : {}),
      ...(search.to ? { to: search.to } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  // Live queue: any request, decision, cancellation or expiry refreshes the table and the open drawer.
  trpc.approvals.onEvent.useSubscription({}, { onData: () => void utils.approvals.invalidate() });

  const done = () => {
    setPending(null);
    setSelected(new Set());
    void utils.approvals.invalidate();
  };
  const decide = trpc.approvals.decide.useMutation({
    onSuccess: (r) => {
      toast.success(`${r.number}: ${humanize(r.status)}`);
      done();
    },
    onError: (error) => {
      if (!fieldErrors(error).note) {
        toast.error(errorMessage(error));
        setPending(null);
      }
      void utils.approvals.invalidate();
    },
  });
  const bulk = trpc.approvals.bulkDecide.useMutation({
    onSuccess: (results) => {
      const failed = results.filter((r) => !r.ok);
      const ok = results.length - failed.length;
      if (ok) toast.success(`${ok} request${ok === 1 ? '' : 's'} decided`);
      for (const f of failed) if (!f.ok) toast.error(f.message);
      done();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const rows = list.data?.items ?? [];
  const pendingRows = rows.filter((r) => r.status === 'PENDING');
  const allChecked = pendingRows.length > 0 && pendingRows.every((r) => selected.has(r.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const columns: Column<Row, Sort>[] = [
    {
      id: 'select',
      header: (
        <Checkbox
          aria-label="Select all pending on this page"
          checked={allChecked}
          onChange={(e) => setSelected(e.target.checked ? new Set(pendingRows.map((r) => r.id)) : new Set())}
        />
      ),
      cell: (r) =>
        r.status === 'PENDING' ? (
          <Checkbox
            aria-label={`Select ${r.number}`}
            checked={selected.has(r.id)}
            onChange={(e) => toggle(r.id, e.target.checked)}
            data-testid="approval-select"
          />
        ) : null,
    },
    {
      id: 'number',
      header: 'Request',
      sortKey: 'number',
      cell: (r) => (
        <button
          type="button"
          className="text-left font-medium text-brand-700 hover:underline"
          onClick={() => setSearch({ selected: r.id })}
          data-testid="approval-open"
        >
          {r.number}
        </button>
      ),
    },
    { id: 'type', header: 'Type', cell: (r) => humanize(r.type) },
    {
      id: 'summary',
      header: 'Summary',
      cell: (r) => (
        <div className="max-w-sm">
          <div className="text-slate-900">{r.summary}</div>
          <div className="text-xs text-slate-500">
            {r.requestedBy ? `by ${r.requestedBy.name}` : 'by the applicant'}
            {r.partnerName ? ` · ${r.partnerName}` : ''}
          </div>
        </div>
      ),
    },
    {
      id: 'approvals',
      header: 'Approvals',
      cell: (r) => (
        <span data-testid="approval-progress">
          {r.approvalsCount}/{r.requiredApprovals}
        </span>
      ),
    },
    { id: 'status', header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
    {
      id: 'created',
      header: 'Requested',
      sortKey: 'createdAt',
      className: 'whitespace-nowrap',
      cell: (r) => formatDateTime(r.createdAt),
    },
    {
      id: 'expires',
      header: 'Expires',
      sortKey: 'expiresAt',
      className: 'whitespace-nowrap',
      cell: (r) => formatDateTime(r.expiresAt),
    },
  ];

  const confirm = (note: string) => {
    if (!pending) return;
    const noteField = note ? { note } : {};
    if (pending.version !== undefined && pending.ids.length === 1) {
      decide.mutate({ id: pending.ids[0]!, version: pending.version, decision: pending.decision, ...noteField });
    } else {
      bulk.mutate({ ids: pending.ids, decision: pending.decision, ...noteField });
    }
  };

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Approvals"
        description={
          <>
            Requests waiting for a decision. Nobody can decide their own request.{' '}
            {connection === 'live' ? 'The queue updates as requests arrive.' : null}
          </>
        }
      />
      {selected.size > 0 ? (
        <div className="mb-3 flex items-center gap-3 rounded-lg bg-brand-50 px-4 py-2 text-sm" data-testid="bulk-bar">
          <span className="font-medium text-brand-700">{selected.size} selected</span>
          <Button size="sm" onClick={() => setPending({ decision: 'APPROVE', ids: [...selected] })} data-testid="bulk-approve">
            Approve selected
          </Button>
          <Button
            size="sm"
            variant="destructive"
            onClick={() => setPending({ decision: 'REJECT', ids: [...selected] })}
            data-testid="bulk-reject"
          >
            Reject selected
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear
          </Button>
        </div>
      ) : null}
      <DataTable<Row, Sort>
        label="Approval requests"
        columns={columns}
        rows={list.data?.items}
        rowKey={(r) => r.id}
        total={list.data?.total ?? 0}
        page={search.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => {
          setSelected(new Set());
          setSearch({ page });
        }}
        sort={search.sort}
        onSortChange={(sort) => setSearch({ sort, dir: sort === search.sort && search.dir === 'asc' ? 'desc' : 'asc', page: 1 })}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyTitle={search.status === 'PENDING' ? 'Nothing waiting for approval' : 'No requests match'}
        toolbar={
          <>
            <Select
              aria-label="Type"
              value={search.type}
              onChange={(e) => setSearch({ type: e.target.value as ApprovalsSearch['type'], page: 1 })}
              className="w-48"
            >
              <option value="">All types</option>
              {APPROVAL_TYPES.map((t) => (
                <option key={t} value={t}>
                  {humanize(t)}
                </option>
              ))}
            </Select>
            <Select
              aria-label="Status"
              value={search.status || 'ALL'}
              onChange={(e) =>
                setSearch({ status: (e.target.value === 'ALL' ? '' : e.target.value) as ApprovalsSearch['status'], page: 1 })
              }
              className="w-36"
            >
              <option value="ALL">All states</option>
              {APPROVAL_STATES.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </Select>
            <Input
              type="date"
              aria-label="Requested from"
              value={search.from}
              onChange={(e) => setSearch({ from: e.target.value, page: 1 })}
              className="w-40"
            />
            <Input
              type="date"
              aria-label="Requested to"
              value={search.to}
              onChange={(e) => setSearch({ to: e.target.value, page: 1 })}
              className="w-40"
            />
          </>
        }
      />
      <ApprovalDrawer
        id={search.selected}
        onClose={() => setSearch({ selected: '' })}
        onDecide={(decision, r) => setPending({ decision, ids: [r.id], version: r.version })}
      />
      <DecisionDialog
        open={pending !== null}
        decision={pending?.decision ?? 'APPROVE'}
        count={pending?.ids.length ?? 0}
        pending={decide.isPending || bulk.isPending}
        serverError={decide.error ? fieldErrors(decide.error).note?.[0] : undefined}
        onCancel={() => setPending(null)}
        onConfirm={confirm}
      />
    </div>
  );
}
