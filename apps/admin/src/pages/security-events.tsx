import type { RouterOutputs } from '@kapas/api';
import {
  Badge,
  Button,
  type Column,
  DataTable,
  errorMessage,
  PageHeader,
  Select,
  toast,
  trpc,
  useConnectionState,
} from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Check } from 'lucide-react';
import { useCallback } from 'react';
import { formatDateTime, humanize } from '../lib/format';
import { useCan } from '../lib/permissions';
import { SECURITY_EVENT_TYPES, SEVERITIES, type SecuritySearch } from '../lib/search';

type SecurityEvent = RouterOutputs['securityEvents']['list']['items'][number];

const PAGE_SIZE = 25;

function severityTone(severity: string): 'danger' | 'warning' | 'neutral' {
  return severity === 'HIGH' ? 'danger' : severity === 'MEDIUM' ? 'warning' : 'neutral';
}

function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}

export function SecurityEventsPage() {
  const search = useSearch({ from: '/app/security-events' });
  const navigate = useNavigate({ from: '/security-events' });
  const canAcknowledge = useCan('user:manage');
  const connection = useConnectionState();
  const utils = trpc.useUtils();
  const setSearch = useCallback(
    (patch: Partial<SecuritySearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const list = trpc.securityEvents.list.useQuery(
    {
      page: search.page,
      pageSize: PAGE_SIZE,
      ...(search.severity ? { severity: search.severity } : {}),
      ...(search.type ? { type: search.type } : {}),
      ...(search.state ? { acknowledged: search.state === 'acknowledged' } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  // Live: new events and acknowledgements refresh the table.
  trpc.securityEvents.onEvent.useSubscription(
    {},
    {
      onData: () => void utils.securityEvents.list.invalidate(),
    },
  );
  const acknowledge = trpc.securityEvents.acknowledge.useMutation({
    onSuccess: () => {
      toast.success('Acknowledged');
      void utils.securityEvents.list.invalidate();
    },
    onError: (error) => {
      toast.error(errorMessage(error));
      void utils.securityEvents.list.invalidate();
    },
  });

  const columns: Column<SecurityEvent, never>[] = [
    { id: 'at', header: 'Time', className: 'whitespace-nowrap', cell: (e) => formatDateTime(e.at) },
    {
      id: 'severity',
      header: 'Severity',
      cell: (e) => (
        <Badge tone={severityTone(e.severity)} data-testid="severity">
          {humanize(e.severity)}
        </Badge>
      ),
    },
    { id: 'type', header: 'Event', cell: (e) => <span className="font-medium text-slate-900">{humanize(e.type)}</span> },
    { id: 'user', header: 'User', cell: (e) => e.userEmail ?? <span className="text-slate-400">—</span> },
    { id: 'ip', header: 'IP', cell: (e) => <span className="font-mono text-xs">{e.ip ?? '—'}</span> },
    {
      id: 'details',
      header: 'Details',
      cell: (e) => <span className="line-clamp-2 max-w-xs text-xs text-slate-600">{detailsText(e.details)}</span>,
    },
    {
      id: 'ack',
      header: <span className="sr-only">Acknowledged</span>,
      className: 'text-right whitespace-nowrap',
      cell: (e) =>
        e.acknowledgedAt ? (
          <span className="inline-flex items-center gap-1 text-xs text-emerald-700" title={formatDateTime(e.acknowledgedAt)}>
            <Check className="size-3.5" aria-hidden /> Acknowledged
          </span>
        ) : canAcknowledge ? (
          <Button
            size="sm"
            variant="secondary"
            loading={acknowledge.isPending && acknowledge.variables.id === e.id}
            onClick={() => acknowledge.mutate({ id: e.id })}
            aria-label={`Acknowledge ${humanize(e.type)} at ${formatDateTime(e.at)}`}
          >
            Acknowledge
          </Button>
        ) : (
          <Badge tone="warning">Open</Badge>
        ),
    },
  ];

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Security events"
        description={
          <>
            Failed sign-ins, lockouts, code abuse and denied access.{' '}
            {connection === 'live' ? 'New events appear as they happen.' : null}
          </>
        }
      />
      <DataTable<SecurityEvent, never>
        label="Security events"
        columns={columns}
        rows={list.data?.items}
        rowKey={(e) => e.id}
        total={list.data?.total ?? 0}
        page={search.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setSearch({ page })}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyTitle="No security events"
        rowClassName={(e) => (e.acknowledgedAt ? 'text-slate-500' : undefined)}
        toolbar={
          <>
            <Select
              aria-label="Severity"
              value={search.severity}
              onChange={(e) => setSearch({ severity: e.target.value as SecuritySearch['severity'], page: 1 })}
              className="w-36"
            >
              <option value="">All severities</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </Select>
            <Select
              aria-label="Event type"
              value={search.type}
              onChange={(e) => setSearch({ type: e.target.value as SecuritySearch['type'], page: 1 })}
              className="w-48"
            >
              <option value="">All events</option>
              {SECURITY_EVENT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {humanize(t)}
                </option>
              ))}
            </Select>
            <Select
              aria-label="State"
              value={search.state}
              onChange={(e) => setSearch({ state: e.target.value as SecuritySearch['state'], page: 1 })}
              className="w-40"
            >
              <option value="">Open and acknowledged</option>
              <option value="open">Open</option>
              <option value="acknowledged">Acknowledged</option>
            </Select>
          </>
        }
      />
    </div>
  );
}
