import { Alert, Button, Card, EmptyState, errorMessage, formatDateTime, LoadingState, toast, trpc } from '@kapas/ui';
import { useState } from 'react';
import { DecisionDialog } from './decision';

/** KYC renewals submitted by partners, to verify (renews for a year, lifts KYC_EXPIRED) or reject. */
export function KycSubmissions() {
  const utils = trpc.useUtils();
  const list = trpc.kyc.submissions.useQuery({ pageSize: 50 });
  const [pending, setPending] = useState<{ id: string; action: 'verify' | 'reject' } | null>(null);
  const done = (label: string) => () => {
    toast.success(label);
    setPending(null);
    void utils.kyc.invalidate();
  };
  const verify = trpc.kyc.verify.useMutation({ onSuccess: done('KYC renewed'), onError: (e) => toast.error(errorMessage(e)) });
  const reject = trpc.kyc.reject.useMutation({
    onSuccess: done('KYC renewal rejected'),
    onError: (e) => toast.error(errorMessage(e)),
  });
  return (
    <Card className="p-4" data-testid="kyc-submissions">
      <h2 className="mb-3 text-base font-semibold text-slate-900">KYC renewals to review</h2>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <Alert>{errorMessage(list.error)}</Alert>
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No renewals waiting" />
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {list.data.items.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2 py-2">
              <span className="font-medium text-slate-900">{r.legalName}</span>
              <span className="text-slate-500">
                {r.documentIds.length} document(s) · {formatDateTime(r.createdAt)} · {r.partnerStatus}
              </span>
              <span className="ml-auto flex gap-1">
                <Button size="sm" onClick={() => setPending({ id: r.id, action: 'verify' })}>
                  Verify
                </Button>
                <Button size="sm" variant="secondary" onClick={() => setPending({ id: r.id, action: 'reject' })}>
                  Reject
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {pending ? (
        <DecisionDialog
          title={pending.action === 'verify' ? 'Verify KYC renewal' : 'Reject KYC renewal'}
          confirmLabel={pending.action === 'verify' ? 'Verify' : 'Reject'}
          optional={pending.action === 'verify'}
          pending={verify.isPending || reject.isPending}
          error={pending.action === 'verify' ? verify.error : reject.error}
          onClose={() => setPending(null)}
          onConfirm={(notes) =>
            pending.action === 'verify'
              ? verify.mutate({ recordId: pending.id, ...(notes ? { notes } : {}) })
              : reject.mutate({ recordId: pending.id, notes })
          }
        />
      ) : null}
    </Card>
  );
}
