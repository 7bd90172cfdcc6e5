import { Alert, Button, Card, EmptyState, errorMessage, formatDateTime, LoadingState, toast, trpc } from '@kapas/ui';
import { useState } from 'react';
import { DecisionDialog } from './decision';
import { openSignedLink } from './open-link';

type Pending = { id: string; version: number; action: 'verify' | 'reject' };

/** Uploaded documents awaiting review, oldest first. */
export function DocumentQueue() {
  const utils = trpc.useUtils();
  const [page, setPage] = useState(1);
  const [pending, setPending] = useState<Pending | null>(null);
  const queue = trpc.documents.queue.useQuery({ page, pageSize: 20 });
  const done = (label: string) => () => {
    toast.success(label);
    setPending(null);
    void utils.documents.queue.invalidate();
  };
  const verify = trpc.documents.verify.useMutation({
    onSuccess: done('Document verified'),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const reject = trpc.documents.reject.useMutation({
    onSuccess: done('Document rejected'),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const link = trpc.documents.downloadLink.useMutation({
    onSuccess: (l) => openSignedLink(l.url),
    onError: (e) => toast.error(errorMessage(e)),
  });

  return (
    <Card className="p-4" data-testid="document-queue">
      <h2 className="mb-3 text-base font-semibold text-slate-900">Documents awaiting review</h2>
      {queue.isPending ? (
        <LoadingState />
      ) : queue.isError ? (
        <Alert>{errorMessage(queue.error)}</Alert>
      ) : queue.data.items.length === 0 ? (
        <EmptyState title="No documents to review" />
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {queue.data.items.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-2 py-2" data-testid="queue-document">
              <span className="font-medium text-slate-900">{d.partnerName}</span>
              <span>
                {d.kind.replaceAll('_', ' ').toLowerCase()} ({d.ownerType.toLowerCase()})
              </span>
              {d.latest ? (
                <span className="text-slate-500">
                  v{d.latest.version} · {d.latest.fileName} · {formatDateTime(d.latest.createdAt)}
                </span>
              ) : null}
              <span className="ml-auto flex gap-1">
                <Button size="sm" variant="ghost" onClick={() => link.mutate({ documentId: d.id })}>
                  Open
                </Button>
                <Button size="sm" onClick={() => setPending({ id: d.id, version: d.currentVersion, action: 'verify' })}>
                  Verify
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => setPending({ id: d.id, version: d.currentVersion, action: 'reject' })}
                >
                  Reject
                </Button>
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
          title={pending.action === 'verify' ? 'Verify document' : 'Reject document'}
          confirmLabel={pending.action === 'verify' ? 'Verify' : 'Reject'}
          optional={pending.action === 'verify'}
          pending={verify.isPending || reject.isPending}
          error={pending.action === 'verify' ? verify.error : reject.error}
          onClose={() => setPending(null)}
          onConfirm={(notes) =>
            pending.action === 'verify'
              ? verify.mutate({ documentId: pending.id, version: pending.version, ...(notes ? { notes } : {}) })
              : reject.mutate({ documentId: pending.id, version: pending.version, notes })
          }
        />
      ) : null}
    </Card>
  );
}
