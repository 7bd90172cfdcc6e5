import {
  Button,
  Checkbox,
  Dialog,
  DialogContent,
  DialogFooter,
  errorMessage,
  FormField,
  firstFieldErrors,
  Input,
  Select,
  toast,
  trpc,
} from '@kapas/ui';
import { type FormEvent, useState } from 'react';

export type CertificationDraft = {
  id?: string;
  version?: number;
  certificateType: string;
  body: string;
  number: string;
  productScope: string;
  branchId: string;
  issuedOn: string;
  expiresOn: string;
  visibleInTrade: boolean;
};

export const EMPTY_DRAFT: CertificationDraft = {
  certificateType: '',
  body: '',
  number: '',
  productScope: '',
  branchId: '',
  issuedOn: '',
  expiresOn: '',
  visibleInTrade: true,
};

/** Create or edit a certification; field errors come from the API. */
export function CertificationForm({ draft, onClose }: { draft: CertificationDraft; onClose: () => void }) {
  const utils = trpc.useUtils();
  const types = trpc.masters.items.useQuery({ kind: 'CERTIFICATE_TYPE', pageSize: 100 });
  const company = trpc.company.get.useQuery();
  const [form, setForm] = useState(draft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onError = (error: unknown) => {
    setErrors(firstFieldErrors(error));
    toast.error(errorMessage(error));
  };
  const onSuccess = () => {
    toast.success(form.id ? 'Certification updated' : 'Certification added; compliance will verify it');
    void utils.certifications.list.invalidate();
    onClose();
  };
  const create = trpc.certifications.create.useMutation({ onSuccess, onError });
  const update = trpc.certifications.update.useMutation({ onSuccess, onError });
  const set = <K extends keyof CertificationDraft>(key: K, value: CertificationDraft[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    const fields = {
      certificateType: form.certificateType,
      body: form.body,
      number: form.number,
      productScope: form.productScope || undefined,
      branchId: form.branchId || null,
      issuedOn: form.issuedOn,
      expiresOn: form.expiresOn,
      visibleInTrade: form.visibleInTrade,
    };
    if (form.id && form.version) update.mutate({ ...fields, id: form.id, version: form.version });
    else create.mutate(fields);
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={form.id ? 'Edit certification' : 'Add a certification'}>
        <form className="grid gap-3" onSubmit={submit} noValidate data-testid="certification-form">
          <FormField label="Certificate type" error={errors.certificateType}>
            <Select value={form.certificateType} onChange={(e) => set('certificateType', e.target.value)} required>
              <option value="">Choose…</option>
              {types.data?.items.map((t) => (
                <option key={t.id} value={t.code}>
                  {t.name}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label="Certifying body" error={errors.body}>
            <Input value={form.body} onChange={(e) => set('body', e.target.value)} maxLength={120} required />
          </FormField>
          <FormField label="Certificate number" error={errors.number}>
            <Input value={form.number} onChange={(e) => set('number', e.target.value)} maxLength={80} required />
          </FormField>
          <FormField label="Product scope" error={errors.productScope}>
            <Input value={form.productScope} onChange={(e) => set('productScope', e.target.value)} maxLength={300} />
          </FormField>
          <FormField label="Branch" error={errors.branchId} hint="Leave empty when it covers the whole company.">
            <Select value={form.branchId} onChange={(e) => set('branchId', e.target.value)}>
              <option value="">Whole company</option>
              {company.data?.branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.code} · {b.name}
                </option>
              ))}
            </Select>
          </FormField>
          <div className="grid grid-cols-2 gap-3">
            <FormField label="Issued on" error={errors.issuedOn}>
              <Input type="date" value={form.issuedOn} onChange={(e) => set('issuedOn', e.target.value)} required />
            </FormField>
            <FormField label="Expires on" error={errors.expiresOn}>
              <Input type="date" value={form.expiresOn} onChange={(e) => set('expiresOn', e.target.value)} required />
            </FormField>
          </div>
          <div className="flex items-center gap-2 text-sm text-slate-700">
            <Checkbox id="cert-visible" checked={form.visibleInTrade} onChange={(e) => set('visibleInTrade', e.target.checked)} />
            <label htmlFor="cert-visible">Show to buyers in trade matching</label>
          </div>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} data-testid="certification-save">
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
