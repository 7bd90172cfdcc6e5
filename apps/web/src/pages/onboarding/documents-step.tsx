import { Button, EmptyState, ErrorState, LoadingState, trpc } from '@kapas/ui';
import { useState } from 'react';
import { toast } from 'sonner';
import { uploadDocumentFile } from '../../lib/document-upload';

type AppRef = { resumeToken: string } | { applicationId: string };
type Kind = 'PAN_CARD' | 'GST_CERTIFICATE' | 'CANCELLED_CHEQUE' | 'AADHAAR' | 'INCORPORATION_CERTIFICATE' | 'ADDRESS_PROOF';

const LABELS: Record<Kind, string> = {
  PAN_CARD: 'PAN card',
  GST_CERTIFICATE: 'GST certificate',
  CANCELLED_CHEQUE: 'Cancelled cheque',
  AADHAAR: 'Aadhaar',
  INCORPORATION_CERTIFICATE: 'Incorporation certificate',
  ADDRESS_PROOF: 'Address proof',
};

/** DOMAIN §4: Aadhaar for individuals, the incorporation certificate for companies. */
function kindsFor(registrationType: string): Kind[] {
  const own: Kind = registrationType === 'INDIVIDUAL' ? 'AADHAAR' : 'INCORPORATION_CERTIFICATE';
  return ['PAN_CARD', 'GST_CERTIFICATE', 'CANCELLED_CHEQUE', own, 'ADDRESS_PROOF'];
}

/**
 * The wizard's documents step: each file goes straight to private storage through a one-time link
 * (PDF, JPEG, PNG, DOCX or XLSX, checked by content on the server; up to the size the server allows).
 */
export function DocumentsStep({ appRef, registrationType }: { appRef: AppRef; registrationType: string }) {
  const list = trpc.onboarding.documents.useQuery({ ref: appRef });
  const createUpload = trpc.onboarding.createUpload.useMutation();
  const [busy, setBusy] = useState<Kind | null>(null);

  async function upload(kind: Kind, file: File) {
    setBusy(kind);
    try {
      await uploadDocumentFile(() => createUpload.mutateAsync({ ref: appRef, kind }), file);
      toast.success(`${LABELS[kind]} uploaded`);
      await list.refetch();
    } catch (error) {
      toast.error(error instanceof Error ? error.message : 'Upload failed');
    } finally {
      setBusy(null);
    }
  }

  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const byKind = new Map(list.data.map((d) => [d.kind, d]));
  return (
    <div className="grid gap-3" data-testid="documents-step">
      <p className="text-sm text-slate-600">
        Attach what you have now; compliance may ask for the rest after you submit. Files are stored privately.
      </p>
      {list.data.length === 0 ? <EmptyState title="No documents yet" /> : null}
      <ul className="grid gap-2">
        {kindsFor(registrationType).map((kind) => {
          const doc = byKind.get(kind);
          return (
            <li key={kind} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-3">
              <div>
                <p className="text-sm font-medium text-slate-900">{LABELS[kind]}</p>
                <p className="text-xs text-slate-500" data-testid={`document-${kind}`}>
                  {doc ? `${doc.fileName} · version ${doc.version}` : 'Not uploaded'}
                </p>
              </div>
              <label className="text-sm">
                <span className="sr-only">Upload {LABELS[kind]}</span>
                <input
                  type="file"
                  accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
                  disabled={busy !== null}
                  data-testid={`upload-${kind}`}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = '';
                    if (file) void upload(kind, file);
                  }}
                />
              </label>
              {busy === kind ? <Button disabled>Uploading…</Button> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
