import type { RouterOutputs } from '@kapas/api';
import { Badge, Button, type Column, ConfirmDialog, DataTable, errorMessage, toast, trpc } from '@kapas/ui';
import { useState } from 'react';
import { formatDateTime, formatRelative } from '../lib/format';

export type LiveSession = RouterOutputs['sessions']['list']['items'][number];

/** Everyone's live sessions (or one user's), each with "End session" behind a confirmation. */
export function SessionsTable({
  label,
  rows,
  total,
  page,
  pageSize,
  onPageChange,
  search,
  onSearchChange,
  isLoading,
  error,
  onRetry,
  showUser = true,
}: {
  label: string;
  rows: LiveSession[] | undefined;
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  search?: string;
  onSearchChange?: (search: string) => void;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  showUser?: boolean;
}) {
  const utils = trpc.useUtils();
  const [ending, setEnding] = useState<LiveSession | null>(null);
  const revoke = trpc.sessions.revoke.useMutation({
    onSuccess: () => {
      toast.success('Session ended. The device is signed out.');
      setEnding(null);
      void utils.sessions.invalidate();
    },
    onError: (error) => {
      toast.error(errorMessage(error));
      setEnding(null);
      void utils.sessions.invalidate();
    },
  });
  const who = (s: LiveSession) => s.user?.email ?? 'this user';

  const columns: Column<LiveSession, never>[] = [
    ...(showUser
      ? [
          {
            id: 'user',
            header: 'User',
            cell: (s: LiveSession) => (
              <div className="leading-tight">
                <div className="font-medium text-slate-900">{s.user?.name ?? '—'}</div>
                <div className="text-xs text-slate-500">{s.user?.email}</div>
              </div>
            ),
          },
        ]
      : []),
    {
      id: 'device',
      header: 'Device',
      cell: (s) => (
        <span>
          {s.device}
          {s.current ? (
            <Badge tone="brand" className="ml-2">
              You
            </Badge>
          ) : null}
        </span>
      ),
    },
    { id: 'ip', header: 'IP address', cell: (s) => <span className="font-mono text-xs">{s.ip ?? '—'}</span> },
    {
      id: 'last',
      header: 'Last active',
      cell: (s) => <span title={formatDateTime(s.lastActiveAt)}>{formatRelative(s.lastActiveAt)}</span>,
    },
    { id: 'since', header: 'Signed in', cell: (s) => formatDateTime(s.createdAt) },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (s) =>
        s.current ? (
          <span className="text-xs text-slate-400">Current session</span>
        ) : (
          <Button variant="ghost" size="sm" onClick={() => setEnding(s)} aria-label={`End session of ${who(s)} on ${s.device}`}>
            End session
          </Button>
        ),
    },
  ];

  return (
    <>
      <DataTable<LiveSession, never>
        label={label}
        columns={columns}
        rows={rows}
        rowKey={(s) => s.id}
        total={total}
        page={page}
        pageSize={pageSize}
        onPageChange={onPageChange}
        {...(onSearchChange ? { search: search ?? '', onSearchChange } : {})}
        isLoading={isLoading}
        error={error}
        onRetry={onRetry}
        emptyTitle="No live sessions"
      />
      <ConfirmDialog
        role="dialog"
        open={ending !== null}
        onOpenChange={(open) => (open ? undefined : setEnding(null))}
        title="End this session?"
        description={ending ? `${who(ending)} will be signed out on ${ending.device} right away.` : undefined}
        confirmLabel="End session"
        pending={revoke.isPending}
        onConfirm={() => ending && revoke.mutate({ sessionId: ending.id })}
      />
    </>
  );
}
