import { Alert, Badge, Button, Card, Checkbox, EmptyState, errorMessage, formatDate, LoadingState, toast, trpc } from '@kapas/ui';
import { useState } from 'react';
import { type CertificationDraft, CertificationForm, EMPTY_DRAFT } from './certification-form';
import { DocumentsPanel, statusTone } from './documents-panel';

const EDITABLE = new Set(['PENDING_VERIFICATION', 'REJECTED']);

/** The company's certifications: state badges, expiring warning, add/edit, visible-in-trade toggle, the certificate scan. */
export function CertificationsPanel({ canManage }: { canManage: boolean }) {
  const utils = trpc.useUtils();
  const list = trpc.certifications.list.useQuery({ pageSize: 100 });
  const visible = trpc.certifications.setVisibleInTrade.useMutation({
    onSuccess: () => void utils.certifications.list.invalidate(),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const [editing, setEditing] = useState<CertificationDraft | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  return (
    <Card className="p-4">
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-base font-semibold text-slate-900">Certifications</h2>
        {canManage ? (
          <Button size="sm" onClick={() => setEditing(EMPTY_DRAFT)} data-testid="add-certification">
            Add certification
          </Button>
        ) : null}
      </div>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <Alert>{errorMessage(list.error)}</Alert>
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No certifications yet" description="Verified certifications are shown to buyers in matching." />
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="certifications">
          {list.data.items.map((c) => (
            <li key={c.id} className="grid gap-2 py-3 text-sm" data-testid="certification-row">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{c.typeName ?? c.certificateType}</span>
                <span className="text-slate-600">
                  {c.body} · {c.number}
                </span>
                <Badge tone={statusTone(c.status)} data-testid="certification-status">
                  {c.status.replace('_', ' ').toLowerCase()}
                </Badge>
                {c.expiring ? (
                  <Badge tone="warning" data-testid="certification-expiring">
                    expires in {c.daysToExpiry} days
                  </Badge>
                ) : null}
                <span className="text-slate-500">
                  {formatDate(c.issuedOn)} – {formatDate(c.expiresOn)}
                </span>
              </div>
              {c.statusNote ? <p className="text-slate-600">Note from compliance: {c.statusNote}</p> : null}
              <div className="flex flex-wrap items-center gap-3">
                <div className="flex items-center gap-2 text-slate-700">
                  <Checkbox
                    id={`visible-${c.id}`}
                    checked={c.visibleInTrade}
                    disabled={!canManage || visible.isPending}
                    onChange={(e) => visible.mutate({ id: c.id, visibleInTrade: e.target.checked })}
                  />
                  <label htmlFor={`visible-${c.id}`}>Visible in trade</label>
                </div>
                {canManage && EDITABLE.has(c.status) ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() =>
                      setEditing({
                        id: c.id,
                        version: c.version,
                        certificateType: c.certificateType,
                        body: c.body,
                        number: c.number,
                        productScope: c.productScope ?? '',
                        branchId: c.branchId ?? '',
                        issuedOn: c.issuedOn,
                        expiresOn: c.expiresOn,
                        visibleInTrade: c.visibleInTrade,
                      })
                    }
                  >
                    Edit
                  </Button>
                ) : null}
                <Button size="sm" variant="ghost" onClick={() => setOpen(open === c.id ? null : c.id)}>
                  {open === c.id ? 'Hide document' : 'Certificate document'}
                </Button>
              </div>
              {open === c.id ? (
                <DocumentsPanel
                  ownerType="CERTIFICATION"
                  ownerId={c.id}
                  kinds={['CERTIFICATE']}
                  canUpload={canManage && EDITABLE.has(c.status)}
                  testId="certification-documents"
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editing ? <CertificationForm draft={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
