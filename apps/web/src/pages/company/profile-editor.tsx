import { Alert, Button, FormField, Input, toast, trpc } from '@kapas/ui';
import { type FormEvent, useState } from 'react';
import { proposalErrors } from './errors';
import type { Company } from './sections';

const FIELDS = [
  { name: 'legalName', label: 'Legal name' },
  { name: 'tradeName', label: 'Trade name', optional: true },
  { name: 'pan', label: 'PAN' },
  { name: 'gstin', label: 'GSTIN', optional: true },
  { name: 'cin', label: 'CIN', optional: true },
  { name: 'tan', label: 'TAN', optional: true },
] as const;
type Name = (typeof FIELDS)[number]['name'];

/** Proposes new company identity values; PAN, GSTIN and legal name always need approval. */
export function ProfileEditor({ company, onDone }: { company: Company; onDone: () => void }) {
  const utils = trpc.useUtils();
  const p = company.partner;
  const [values, setValues] = useState<Record<Name, string>>({
    legalName: p.legalName,
    tradeName: p.tradeName ?? '',
    pan: p.pan ?? '',
    gstin: p.gstin ?? '',
    cin: p.cin ?? '',
    tan: p.tan ?? '',
  });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const propose = trpc.company.proposeChange.useMutation({
    onSuccess: () => {
      toast.success('Sent for approval');
      void utils.company.get.invalidate();
      void utils.changeRequests.mine.invalidate();
      onDone();
    },
    onError: (error) => {
      const { fields, form } = proposalErrors(error, (path) => path.startsWith('profile.'));
      setErrors(fields);
      setFormError(form);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const opt = (v: string) => (v.trim() ? v.trim() : null);
    propose.mutate({
      profile: {
        legalName: values.legalName.trim(),
        tradeName: opt(values.tradeName),
        pan: values.pan.trim(),
        gstin: opt(values.gstin),
        cin: opt(values.cin),
        tan: opt(values.tan),
      },
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  return (
    <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Propose company details" data-testid="editor-profile">
      {formError ? <Alert data-testid="proposal-error">{formError}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <FormField key={f.name} label={f.label} error={errors[`profile.${f.name}`]}>
            <Input
              name={f.name}
              value={values[f.name]}
              onChange={(e) => setValues((prev) => ({ ...prev, [f.name]: e.target.value }))}
              autoComplete="off"
            />
          </FormField>
        ))}
        <FormField label="Note for the reviewer (optional)" className="sm:col-span-2">
          <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </FormField>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={propose.isPending} data-testid="proposal-submit">
          Send for approval
        </Button>
      </div>
    </form>
  );
}
