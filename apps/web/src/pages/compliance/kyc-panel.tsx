import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  errorMessage,
  formatDate,
  formatDateTime,
  LoadingState,
  toast,
  trpc,
} from '@kapas/ui';
import { DocumentsPanel, statusTone } from './documents-panel';

const STATUS_TEXT: Record<string, string> = { ok: 'current', 'due-soon': 'due soon', overdue: 'overdue', expired: 'expired' };

/** Annual KYC: status, the KYC documents, renewal submission and past records. */
export function KycPanel({ partnerId, canManage }: { partnerId: string; canManage: boolean }) {
  const utils = trpc.useUtils();
  const status = trpc.kyc.status.useQuery();
  const history = trpc.kyc.history.useQuery({});
  const docs = trpc.documents.list.useQuery({ ownerType: 'KYC', ownerId: partnerId });
  const submit = trpc.kyc.submitRenewal.useMutation({
    onSuccess: () => {
      toast.success('KYC renewal submitted for review');
      void utils.kyc.invalidate();
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const uploaded = docs.data?.filter((d) => d.currentVersion > 0).map((d) => d.id) ?? [];

  return (
    <div className="grid gap-4">
      <Card className="p-4" data-testid="kyc-status">
        <h2 className="mb-2 text-base font-semibold text-slate-900">KYC status</h2>
        {status.isPending ? (
          <LoadingState />
        ) : status.isError ? (
          <Alert>{errorMessage(status.error)}</Alert>
        ) : (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {status.data.kycStatus ? (
              <Badge
                tone={status.data.kycStatus === 'ok' ? 'success' : status.data.kycStatus === 'due-soon' ? 'warning' : 'danger'}
              >
                {STATUS_TEXT[status.data.kycStatus]}
              </Badge>
            ) : (
              <Badge>not verified yet</Badge>
            )}
            {status.data.kycDueAt ? <span>Next due: {formatDate(status.data.kycDueAt)}</span> : null}
            {status.data.partnerStatus === 'KYC_EXPIRED' ? <Alert>Trading is paused until your KYC is renewed.</Alert> : null}
            {status.data.pendingRecordId ? <span className="text-slate-600">A renewal is under review.</span> : null}
          </div>
        )}
      </Card>
      <Card className="p-4">
        <h2 className="mb-3 text-base font-semibold text-slate-900">KYC documents</h2>
        <DocumentsPanel
          ownerType="KYC"
          ownerId={partnerId}
          kinds={['PAN_CARD', 'GST_CERTIFICATE', 'ADDRESS_PROOF', 'CANCELLED_CHEQUE', 'AADHAAR', 'OTHER']}
          canUpload={canManage}
          testId="kyc-documents"
        />
        {canManage ? (
          <Button
            className="mt-3"
            disabled={uploaded.length === 0 || Boolean(status.data?.pendingRecordId)}
            loading={submit.isPending}
            onClick={() => submit.mutate({ documentIds: uploaded })}
            data-testid="kyc-submit"
          >
            Submit for renewal
          </Button>
        ) : null}
      </Card>
      <Card className="p-4">
        <h2 className="mb-3 text-base font-semibold text-slate-900">KYC history</h2>
        {history.isPending ? (
          <LoadingState />
        ) : history.isError ? (
          <Alert>{errorMessage(history.error)}</Alert>
        ) : history.data.length === 0 ? (
          <EmptyState title="No KYC records yet" />
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {history.data.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2 py-2">
                <Badge tone={statusTone(r.status)}>{r.status.toLowerCase()}</Badge>
                <span>{formatDateTime(r.createdAt)}</span>
                <span className="text-slate-500">{r.documentIds.length} document(s)</span>
                {r.notes ? <span className="text-slate-600">{r.notes}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
