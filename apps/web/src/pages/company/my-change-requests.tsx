import { Alert, Badge, Button, Card, EmptyState, errorMessage, formatDateTime, LoadingState, toast, trpc } from '@kapas/ui';

const LABELS: Record<string, string> = {
  legalName: 'legal name',
  tradeName: 'trade name',
  pan: 'PAN',
  gstin: 'GSTIN',
  cin: 'CIN',
  tan: 'TAN',
  addresses: 'addresses',
  branches: 'branches',
  bankAccounts: 'bank accounts',
  contacts: 'contacts',
};

function tone(status: string): 'success' | 'warning' | 'danger' | 'neutral' {
  return status === 'APPROVED' ? 'success' : status === 'PENDING' ? 'warning' : status === 'REJECTED' ? 'danger' : 'neutral';
}

/** The company's change requests with their status; pending ones can be withdrawn. */
export function MyChangeRequests({ canChange }: { canChange: boolean }) {
  const utils = trpc.useUtils();
  const list = trpc.changeRequests.mine.useQuery({ pageSize: 50 });
  const cancel = trpc.changeRequests.cancel.useMutation({
    onSuccess: () => {
      toast.success('Change request withdrawn');
      void utils.changeRequests.mine.invalidate();
      void utils.company.get.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <Card className="p-4">
      <h2 className="mb-3 text-base font-semibold text-slate-900">My change requests</h2>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <Alert>{errorMessage(list.error)}</Alert>
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No change requests yet" />
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="my-change-requests">
          {list.data.items.map((cr) => (
            <li key={cr.id} className="flex flex-wrap items-center gap-2 py-2 text-sm" data-testid="change-request">
              <Badge tone={tone(cr.status)} data-testid="change-request-status">
                {cr.status.toLowerCase()}
              </Badge>
              <span className="text-slate-900">
                {Object.keys(cr.changes)
                  .map((k) => LABELS[k] ?? k)
                  .join(', ')}
              </span>
              <span className="text-slate-500">{formatDateTime(cr.createdAt)}</span>
              {cr.status === 'REJECTED' && cr.reason ? <span className="text-red-700">Reason: {cr.reason}</span> : null}
              {cr.status === 'PENDING' && canChange ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="ml-auto"
                  loading={cancel.isPending && cancel.variables?.id === cr.id}
                  onClick={() => cancel.mutate({ id: cr.id })}
                >
                  Withdraw
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
