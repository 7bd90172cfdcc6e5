import { Alert, Badge, Button, EmptyState, errorMessage, formatDateTime, LoadingState, Select, toast, trpc } from '@kapas/ui';
import { useRef, useState } from 'react';
import { ACCEPT, openLink, uploadFile, uploadHint } from './upload';

type OwnerType = 'PARTNER' | 'CERTIFICATION' | 'KYC' | 'LOT';
type Kind =
  | 'PAN_CARD'
  | 'GST_CERTIFICATE'
  | 'CANCELLED_CHEQUE'
  | 'AADHAAR'
  | 'INCORPORATION_CERTIFICATE'
  | 'ADDRESS_PROOF'
  | 'TRANSPORTER_DECLARATION'
  | 'CERTIFICATE'
  | 'LAB_REPORT'
  | 'OTHER';

export const KIND_LABELS: Record<Kind, string> = {
  PAN_CARD: 'PAN card',
  GST_CERTIFICATE: 'GST certificate',
  CANCELLED_CHEQUE: 'Cancelled cheque',
  AADHAAR: 'Aadhaar',
  INCORPORATION_CERTIFICATE: 'Incorporation certificate',
  ADDRESS_PROOF: 'Address proof',
  TRANSPORTER_DECLARATION: 'Transporter declaration',
  CERTIFICATE: 'Certificate',
  LAB_REPORT: 'Lab report',
  OTHER: 'Other',
};

export function statusTone(status: string): 'success' | 'warning' | 'danger' | 'neutral' {
  if (status === 'VERIFIED') return 'success';
  if (status === 'PENDING' || status === 'PENDING_VERIFICATION' || status === 'SUBMITTED') return 'warning';
  if (status === 'REJECTED' || status === 'SUSPENDED' || status === 'EXPIRED') return 'danger';
  return 'neutral';
}

/** Documents of one record: upload (with progress) into a kind, versions, download through a signed link. */
export function DocumentsPanel({
  ownerType,
  ownerId,
  kinds,
  canUpload,
  testId,
}: {
  ownerType: OwnerType;
  ownerId: string;
  kinds: Kind[];
  canUpload: boolean;
  testId: string;
}) {
  const utils = trpc.useUtils();
  const list = trpc.documents.list.useQuery({ ownerType, ownerId });
  const createUpload = trpc.documents.createUpload.useMutation();
  const link = trpc.documents.downloadLink.useMutation({
    onSuccess: (l) => openLink(l.url),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'OTHER');
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function upload(file: File) {
    setProblem(uploadHint(file));
    setProgress(0);
    try {
      const intent = await createUpload.mutateAsync({ ownerType, ownerId, kind });
      const done = await uploadFile(intent.uploadUrl, file, setProgress);
      toast.success(`Uploaded ${done.fileName} (version ${done.version})`);
      setProblem(null);
      await utils.documents.list.invalidate({ ownerType, ownerId });
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div className="grid gap-3" data-testid={testId}>
      {canUpload ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="grid gap-1 text-sm">
            <label htmlFor={`kind-${testId}`} className="font-medium text-slate-700">
              Document type
            </label>
            <Select
              id={`kind-${testId}`}
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
              className="w-56"
              data-testid="document-kind"
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          </div>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            className="text-sm"
            aria-label="Choose a file to upload"
            data-testid="document-file"
            disabled={progress !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          {progress !== null ? (
            <progress className="h-2 w-40" max={1} value={progress} aria-label="Upload progress" data-testid="upload-progress" />
          ) : null}
        </div>
      ) : null}
      {problem ? <Alert data-testid="upload-error">{problem}</Alert> : null}
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <Alert>{errorMessage(list.error)}</Alert>
      ) : list.data.length === 0 ? (
        <EmptyState title="No documents yet" description="PDF, JPEG, PNG, DOCX or XLSX, up to 5 MB." />
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {list.data.map((doc) => (
            <li key={doc.id} className="grid gap-1 py-2" data-testid="document-row">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{KIND_LABELS[doc.kind as Kind] ?? doc.kind}</span>
                <Badge tone={statusTone(doc.status)} data-testid="document-status">
                  {doc.status.toLowerCase()}
                </Badge>
                {doc.notes ? <span className="text-slate-500">{doc.notes}</span> : null}
              </div>
              <ul className="grid gap-0.5 pl-3 text-slate-600">
                {doc.versions.map((v) => (
                  <li key={v.id} className="flex flex-wrap items-center gap-2">
                    <span>
                      v{v.version} · {v.fileName} · {Math.ceil(v.sizeBytes / 1024)} KB · {formatDateTime(v.createdAt)}
                    </span>
                    <Button size="sm" variant="ghost" onClick={() => link.mutate({ documentId: doc.id, version: v.version })}>
                      Download
                    </Button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
