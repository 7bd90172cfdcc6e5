import { Alert, Badge, Button, Card, EmptyState, errorMessage, formatDate, LoadingState, Select, toast, trpc } from '@kapas/ui';
import { useState } from 'react';
import { DecisionDialog } from './decision';
import { openSignedLink } from './open-link';

type Status = 'PENDING_VERIFICATION' | 'VERIFIED' | 'REJECTED' | 'EXPIRED' | 'SUSPENDED';
type Pending = { id: string; version: number; action: 'verify' | 'reject' | 'suspend' };

/** Certifications by state (default: awaiting verification) with verify / reject / suspend. */
export function CertificationQueue() {
  const utils = trpc.useUtils();
  const [status, setStatus] = useState<Status>('PENDING_VERIFICATION');
  const [page, setPage] = useState(1);
  const [pending, setPending] = useState<Pending | null>(null);
  const queue = trpc.certifications.queue.useQuery({ status, page, pageSize: 20 });
  const done = (label: string) => () => {
    toast.success(label);
    setPending(null);
    void utils.certifications.queue.invalidate();
  };
  const verify = trpc.certifications.verify.useMutation({
    onSuccess: done('Certification verified'),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const reject = trpc.certifications.reject.useMutation({
    onSuccess: done('Certification rejected'),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const suspend = trpc.certifications.suspend.useMutation({
    onSuccess: done('Certification suspended'),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const link = trpc.documents.downloadLink.useMutation({
    onSuccess: (l) => openSignedLink(l.url),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const mutation = pending?.action === 'verify' ? verify : pending?.action === 'reject' ? reject : suspend;

  return (
    <Card className="p-4" data-testid="certification-queue">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">Certifications</h2>
        <Select
          className="w-56"
          aria-label="Certification status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as Status);
            setPage(1);
          }}
        >
          <option value="PENDING_VERIFICATION">Awaiting verification</option>
          <option value="VERIFIED">Verified</option>
          <option value="REJECTED">Rejected</option>
          <option value="SUSPENDED">Suspended</option>
          <option value="EXPIRED">Expired</option>
        </Select>
      </div>
      {queue.isPending ? (
        <LoadingState />
      ) : queue.isError ? (
        <Alert>{errorMessage(queue.error)}</Alert>
      ) : queue.data.items.length === 0 ? (
        <EmptyState title="Nothing here" />
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {queue.data.items.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-2 py-2" data-testid="queue-certification">
              <span className="font-medium text-slate-900">{c.partnerName}</span>
              <span>
                {c.typeName ?? c.certificateType} · {c.body} · <span data-testid="queue-certification-number">{c.number}</span>
              </span>
              <span className="text-slate-500">
                {formatDate(c.issuedOn)} – {formatDate(c.expiresOn)}
              </span>
              {c.expiring ? <Badge tone="warning">expiring</Badge> : null}
              <span className="ml-auto flex gap-1">
                {c.documentId ? (
                  <Button size="sm" variant="ghost" onClick={() => link.mutate({ documentId: c.documentId! })}>
                    Open document
                  </Button>
                ) : null}
                {c.status === 'PENDING_VERIFICATION' ? (
                  <>
                    <Button
                      size="sm"
                      onClick={() => setPending({ id: c.id, version: c.version, action: 'verify' })}
                      data-testid="certification-verify"
                    >
                      Verify
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => setPending({ id: c.id, version: c.version, action: 'reject' })}
                      data-testid="certification-reject"
                    >
                      Reject
                    </Button>
                  </>
                ) : c.status === 'VERIFIED' ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => setPending({ id: c.id, version: c.version, action: 'suspend' })}
                  >
                    Suspend
                  </Button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {queue.data && queue.data.total > queue.data.pageSize ? (
        <div className="mt-3 flex gap-2">
          <Button size="sm" variant="ghost" disabled={page === 1} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={page * queue.data.pageSize >= queue.data.total}
            onClick={() => setPage(page + 1)}
          >
            Next
          </Button>
        </div>
      ) : null}
      {pending ? (
        <DecisionDialog
          title={`${pending.action[0]!.toUpperCase()}${pending.action.slice(1)} certification`}
          confirmLabel={pending.action === 'verify' ? 'Verify' : pending.action === 'reject' ? 'Reject' : 'Suspend'}
          optional={pending.action === 'verify'}
          pending={mutation.isPending}
          error={mutation.error}
          onClose={() => setPending(null)}
          onConfirm={(notes) =>
            pending.action === 'verify'
              ? verify.mutate({ id: pending.id, version: pending.version, ...(notes ? { notes } : {}) })
              : (pending.action === 'reject' ? reject : suspend).mutate({ id: pending.id, version: pending.version, notes })
          }
        />
      ) : null}
    </Card>
  );
}
