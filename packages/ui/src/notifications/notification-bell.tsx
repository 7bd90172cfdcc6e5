import * as Menu from '@radix-ui/react-dropdown-menu';
import { Bell } from 'lucide-react';
import { Button } from '../components/button';
import { errorMessage } from '../lib/errors';
import { trpc } from '../trpc/trpc';
import { NotificationItem, type NotificationRow } from './notification-item';
import { useNotificationsLive } from './use-notifications-live';

export type NotificationBellProps = {
  /** Opens a notification's link (the app's router navigation) and the full list page. */
  onOpen: (link: string) => void;
  /** Path of the app's notifications page. */
  allPath?: string;
};

/** Header bell: unread count, the latest notifications, "mark all read"; live over the WebSocket. */
export function NotificationBell({ onOpen, allPath = '/notifications' }: NotificationBellProps) {
  useNotificationsLive();
  const utils = trpc.useUtils();
  const unread = trpc.notifications.unreadCount.useQuery();
  const latest = trpc.notifications.list.useQuery({ page: 1, pageSize: 8 });
  const refresh = () => void utils.notifications.invalidate();
  const markRead = trpc.notifications.markRead.useMutation({ onSuccess: refresh });
  const markAll = trpc.notifications.markAllRead.useMutation({ onSuccess: refresh });
  const count = unread.data?.count ?? 0;

  const open = (n: NotificationRow) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    if (n.link) onOpen(n.link);
  };

  return (
    <Menu.Root>
      <Menu.Trigger asChild>
        <Button
          variant="ghost"
          size="sm"
          className="relative"
          aria-label={count ? `Notifications, ${count} unread` : 'Notifications'}
          data-testid="notification-bell"
        >
          <Bell aria-hidden />
          {count > 0 ? (
            <span
              className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white"
              data-testid="notification-unread-count"
            >
              {count > 99 ? '99+' : count}
            </span>
          ) : null}
        </Button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={6}
          className="z-50 w-96 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-2 shadow-lg"
          data-testid="notification-menu"
        >
          <div className="flex items-center justify-between px-2 py-1.5">
            <span className="text-sm font-semibold text-slate-900">Notifications</span>
            <Button
              variant="link"
              size="sm"
              disabled={count === 0}
              loading={markAll.isPending}
              onClick={(e) => {
                e.preventDefault();
                markAll.mutate();
              }}
              data-testid="notification-mark-all"
            >
              Mark all read
            </Button>
          </div>
          <Menu.Separator className="my-1 h-px bg-slate-100" />
          {latest.isError ? (
            <p className="px-2 py-3 text-sm text-red-700">{errorMessage(latest.error)}</p>
          ) : latest.isPending ? (
            <p className="px-2 py-3 text-sm text-slate-500">Loading…</p>
          ) : latest.data.items.length === 0 ? (
            <p className="px-2 py-6 text-center text-sm text-slate-500">You are all caught up.</p>
          ) : (
            latest.data.items.map((n) => (
              <Menu.Item
                key={n.id}
                onSelect={() => open(n)}
                className="cursor-pointer rounded-md px-2 py-2 outline-none data-[highlighted]:bg-slate-50"
              >
                <NotificationItem n={n} compact />
              </Menu.Item>
            ))
          )}
          <Menu.Separator className="my-1 h-px bg-slate-100" />
          <Menu.Item
            onSelect={() => onOpen(allPath)}
            className="cursor-pointer rounded-md px-2 py-1.5 text-center text-sm font-medium text-brand-700 outline-none data-[highlighted]:bg-slate-50"
          >
            See all notifications
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
