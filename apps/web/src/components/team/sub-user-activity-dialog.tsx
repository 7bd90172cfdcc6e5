import { Dialog, DialogContent, EmptyState, ErrorState, formatDateTime, LoadingState, trpc } from '@kapas/ui';
import type { SubUser } from './sub-user';

/** The 50 most recent actions of a sub-user. */
export function SubUserActivityDialog({ user, onClose }: { user: SubUser; onClose: () => void }) {
  const activity = trpc.subUsers.activity.useQuery({ userId: user.id });
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={`Activity of ${user.name}`} description="The 50 most recent actions." className="max-w-2xl">
        {activity.isPending ? (
          <LoadingState />
        ) : activity.isError ? (
          <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
        ) : activity.data.length === 0 ? (
          <EmptyState title="No activity yet" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label={`Activity of ${user.name}`}>
              <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    When
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Action
                  </th>
                  <th scope="col" className="px-3 py-2">
                    On
                  </th>
                  <th scope="col" className="px-3 py-2">
                    IP
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {activity.data.map((row) => (
                  <tr key={row.id}>
                    <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatDateTime(row.at)}</td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-900">{row.action}</td>
                    <td className="px-3 py-2 text-slate-600">
                      {row.entityType}
                      {row.entityId ? <span className="font-mono text-xs text-slate-400"> {row.entityId}</span> : null}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-600">{row.ip ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
