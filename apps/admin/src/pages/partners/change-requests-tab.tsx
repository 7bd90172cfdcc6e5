import { Alert, Badge, EmptyState, errorMessage, LoadingState, trpc } from '@kapas/ui';
import { formatDateTime, humanize } from '../../lib/format';

export function changeRequestTone(status: string): 'success' | 'warning' | 'danger' | 'neutral' {
  return status === 'APPROVED' ? 'success' : status === 'PENDING' ? 'warning' : status === 'REJECTED' ? 'danger' : 'neutral';
}

/** A partner's change requests; pending ones are decided in the approvals queue. */
export function ChangeRequestsTab({ partnerId }: { partnerId: string }) {
  const list = trpc.changeRequests.list.useQuery({ partnerId, pageSize: 50 });
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <Alert>{errorMessage(list.error)}</Alert>;
  if (list.data.items.length === 0) return <EmptyState title="No change requests" />;
  return (
    <ul className="grid gap-3" data-testid="change-requests">
      {list.data.items.map((cr) => (
        <li key={cr.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={changeRequestTone(cr.status)}>{humanize(cr.status)}</Badge>
            <Badge tone={cr.route === 'AUTO' ? 'neutral' : 'brand'}>
              {cr.route === 'AUTO' ? 'Auto-approved' : 'Needs approval'}
            </Badge>
            <span className="text-slate-500">Risk {cr.riskScore}</span>
            <span className="ml-auto text-slate-500">{formatDateTime(cr.createdAt)}</span>
          </div>
          <p className="mt-2 text-sm text-slate-900">Changes: {Object.keys(cr.changes).map(humanize).join(', ')}</p>
          {cr.reason ? <p className="mt-1 text-sm text-slate-600">Note: {cr.reason}</p> : null}
        </li>
      ))}
    </ul>
  );
}
