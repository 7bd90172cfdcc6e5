import { Badge, Button, Drawer, ErrorState, LoadingState, trpc } from '@kapas/ui';
import { formatDateTime, humanize } from '../../lib/format';
import { ChangesTable } from './changes-table';
import type { Decision } from './decision-dialog';
import { StatusBadge } from './status-badge';

/** One request: what will change (from → to), approvals so far, and the approve / reject actions. */
export function ApprovalDrawer({
  id,
  onClose,
  onDecide,
}: {
  id: string;
  onClose: () => void;
  onDecide: (decision: Decision, request: { id: string; version: number }) => void;
}) {
  const detail = trpc.approvals.get.useQuery({ id }, { enabled: id !== '' });
  const r = detail.data;
  return (
    <Drawer
      open={id !== ''}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={r ? `${r.number} · ${humanize(r.type)}` : 'Request'}
    >
      {detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !r ? (
        <LoadingState />
      ) : (
        <div className="grid gap-5" data-testid="approval-drawer">
          <div className="grid gap-1">
            <div className="flex items-center gap-2">
              <StatusBadge status={r.status} />
              <span className="text-sm text-slate-500">
                {r.approvalsCount} of {r.requiredApprovals} approvals
              </span>
            </div>
            <p className="text-base font-medium text-slate-900">{r.summary}</p>
            <p className="text-sm text-slate-500">
              Requested by {r.requestedBy?.name ?? 'the applicant'} on {formatDateTime(r.createdAt)}
              {r.partnerName ? ` · ${r.partnerName}` : ''} · expires {formatDateTime(r.expiresAt)}
            </p>
          </div>
          <section className="grid gap-2">
            <h3 className="text-sm font-semibold text-slate-900">What will change</h3>
            <ChangesTable payload={r.payload} />
          </section>
          <section className="grid gap-2">
            <h3 className="text-sm font-semibold text-slate-900">Decisions so far</h3>
            {r.decisions.length === 0 ? (
              <p className="text-sm text-slate-500">Nobody has decided yet.</p>
            ) : (
              <ul className="grid gap-1.5 text-sm" data-testid="approval-decisions">
                {r.decisions.map((d) => (
                  <li key={d.userId} className="flex flex-wrap items-center gap-2">
                    <Badge tone={d.decision === 'APPROVE' ? 'success' : 'danger'}>{humanize(d.decision)}</Badge>
                    <span className="font-medium text-slate-900">{d.name}</span>
                    <span className="text-slate-500">{formatDateTime(d.createdAt)}</span>
                    {d.note ? <span className="w-full text-slate-600">“{d.note}”</span> : null}
                  </li>
                ))}
              </ul>
            )}
            {r.decisionNote ? <p className="text-sm text-slate-600">Final note: {r.decisionNote}</p> : null}
          </section>
          {r.status === 'PENDING' ? (
            <div className="flex gap-2">
              <Button onClick={() => onDecide('APPROVE', r)} data-testid="drawer-approve">
                Approve
              </Button>
              <Button variant="destructive" onClick={() => onDecide('REJECT', r)} data-testid="drawer-reject">
                Reject
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </Drawer>
  );
}
