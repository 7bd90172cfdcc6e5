import type { RouterOutputs } from '@kapas/client';
import { cn } from '../lib/cn';
import { formatAgo } from '../lib/format';

export type NotificationRow = RouterOutputs['notifications']['list']['items'][number];

/** One notification: title, body, age; unread ones are marked with a dot. */
export function NotificationItem({ n, compact = false }: { n: NotificationRow; compact?: boolean }) {
  return (
    <div className="flex gap-3" data-testid="notification-item" data-unread={n.readAt ? undefined : 'true'}>
      <span className={cn('mt-1.5 size-2 shrink-0 rounded-full', n.readAt ? 'bg-transparent' : 'bg-brand-600')} aria-hidden />
      {n.readAt ? null : <span className="sr-only">Unread:</span>}
      <div className="min-w-0 flex-1">
        <div className={cn('text-sm text-slate-900', n.readAt ? '' : 'font-semibold')}>{n.title}</div>
        <div className={cn('text-sm text-slate-600', compact ? 'line-clamp-2' : '')}>{n.body}</div>
        <div className="mt-0.5 text-xs text-slate-400">{formatAgo(n.createdAt)}</div>
      </div>
    </div>
  );
}
