import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '../components/button';
import { Card } from '../components/card';
import { Checkbox } from '../components/input';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { trpc } from '../trpc/trpc';
import { NotificationItem, type NotificationRow } from './notification-item';

const PAGE_SIZE = 20;

/** The full, paginated list of the caller's notifications (a page of both apps). */
export function NotificationsList({ onOpen }: { onOpen: (link: string) => void }) {
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unreadId = useId();
  const utils = trpc.useUtils();
  const list = trpc.notifications.list.useQuery({ page, pageSize: PAGE_SIZE, unreadOnly }, { placeholderData: keepPreviousData });
  const refresh = () => void utils.notifications.invalidate();
  const markRead = trpc.notifications.markRead.useMutation({ onSuccess: refresh });
  const markAll = trpc.notifications.markAllRead.useMutation({ onSuccess: refresh });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));

  const open = (n: NotificationRow) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    if (n.link) onOpen(n.link);
  };

  return (
    <Card className="p-0" data-testid="notifications-list">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-3">
        <label htmlFor={unreadId} className="flex items-center gap-2 text-sm text-slate-700">
          <Checkbox
            id={unreadId}
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              setPage(1);
            }}
          />
          Unread only
        </label>
        <Button className="ml-auto" size="sm" variant="secondary" loading={markAll.isPending} onClick={() => markAll.mutate()}>
          Mark all read
        </Button>
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <LoadingState />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={unreadOnly ? 'No unread notifications' : 'No notifications yet'} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {list.data.items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className="w-full px-4 py-3 text-left hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none"
                onClick={() => open(n)}
              >
                <NotificationItem n={n} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <div className="flex items-center justify-end gap-2 border-t border-slate-200 px-4 py-2 text-sm text-slate-600">
          <Button size="sm" variant="ghost" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <span>
            Page {page} of {pages}
          </span>
          <Button size="sm" variant="ghost" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Next
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
