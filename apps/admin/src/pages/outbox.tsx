import type { RouterOutputs } from '@kapas/api';
import { Badge, Card, DataTable, EmptyState, errorCode, PageHeader, Select, trpc } from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { MailX } from 'lucide-react';
import { useCallback } from 'react';
import { formatDateTime } from '../lib/format';
import type { OutboxSearch } from '../lib/search';

type Message = RouterOutputs['outbox']['list']['items'][number];

const PAGE_SIZE = 20;

/** Turns the links in a message body into clickable links; everything else stays as written. */
function Body({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="font-sans text-sm whitespace-pre-wrap break-words text-slate-800" data-testid="outbox-body">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} className="text-brand-700 underline break-all">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export function OutboxPage() {
  const search = useSearch({ from: '/app/outbox' });
  const navigate = useNavigate({ from: '/outbox' });
  const setSearch = useCallback(
    (patch: Partial<OutboxSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const onSearchChange = useCallback((recipient: string) => setSearch({ recipient, page: 1 }), [setSearch]);
  const list = trpc.outbox.list.useQuery(
    {
      page: search.page,
      pageSize: PAGE_SIZE,
      ...(search.recipient ? { recipient: search.recipient } : {}),
      ...(search.channel ? { channel: search.channel } : {}),
    },
    {
      placeholderData: keepPreviousData,
      refetchInterval: (query) => (errorCode(query.state.error) === 'NOT_FOUND' ? false : 3_000),
    },
  );

  if (errorCode(list.error) === 'NOT_FOUND') {
    return (
      <div className="mx-auto max-w-5xl">
        <PageHeader title="Dev outbox" />
        <Card>
          <EmptyState
            title="The dev outbox is not available"
            description="Mail and SMS go through real providers on this server, so messages are not kept here."
            action={<MailX className="size-5 text-slate-400" aria-hidden />}
          />
        </Card>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Dev outbox"
        description="Emails and text messages the embedded channels sent, newest first. Refreshes every few seconds."
      />
      <DataTable<Message, never>
        label="Outbox messages"
        rowKey={(m) => m.id}
        rows={list.data?.items}
        total={list.data?.total ?? 0}
        page={search.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setSearch({ page })}
        search={search.recipient}
        onSearchChange={onSearchChange}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyTitle="No messages sent yet"
        toolbar={
          <Select
            aria-label="Channel"
            value={search.channel}
            onChange={(e) => setSearch({ channel: e.target.value as OutboxSearch['channel'], page: 1 })}
            className="w-40"
          >
            <option value="">All channels</option>
            <option value="EMAIL">Email</option>
            <option value="SMS">SMS</option>
          </Select>
        }
        columns={[
          {
            id: 'when',
            header: 'Sent',
            className: 'w-40 align-top whitespace-nowrap',
            cell: (m) => <span className="text-slate-600">{formatDateTime(m.sentAt ?? m.createdAt)}</span>,
          },
          {
            id: 'to',
            header: 'Recipient',
            className: 'w-56 align-top',
            cell: (m) => (
              <div className="grid gap-1">
                <span className="font-medium break-all text-slate-900" data-testid="outbox-recipient">
                  {m.recipient}
                </span>
                <span className="flex gap-1">
                  <Badge>{m.channel}</Badge>
                  <Badge tone={m.status === 'SENT' ? 'success' : m.status === 'FAILED' ? 'danger' : 'warning'}>{m.status}</Badge>
                </span>
              </div>
            ),
          },
          {
            id: 'message',
            header: 'Message',
            className: 'align-top',
            cell: (m) => (
              <div className="grid gap-1">
                {m.subject ? <span className="font-medium text-slate-900">{m.subject}</span> : null}
                <Body text={m.body} />
                {m.lastError ? <span className="text-xs text-red-600">{m.lastError}</span> : null}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
