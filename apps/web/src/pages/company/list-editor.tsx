import { Alert, Button, Checkbox, FormField, Input, Select, toast, trpc } from '@kapas/ui';
import { Plus, Trash2 } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import { proposalErrors } from './errors';
import {
  type Draft,
  emptyDraft,
  fromDraft,
  GST_STATE_CODES,
  type ListSection,
  type Proposal,
  SECTIONS,
  toDraft,
} from './sections';

const STATES = Object.entries(GST_STATE_CODES).sort((a, b) => a[1].localeCompare(b[1]));

/**
 * Edits a whole list section (addresses, branches, bank accounts, contacts) and proposes it as a
 * change. The API answers with field errors at `section.index.field`, shown under each input.
 */
export function ListEditor({
  section,
  rows,
  onDone,
}: {
  section: ListSection;
  rows: Record<string, unknown>[];
  onDone: () => void;
}) {
  const def = SECTIONS[section];
  const utils = trpc.useUtils();
  const base = useId();
  // Each row gets a key of its own so removing one does not shift the others' inputs.
  const [nextKey, setNextKey] = useState(rows.length);
  const [drafts, setDrafts] = useState<{ key: number; values: Draft }[]>(() =>
    rows.map((r, key) => ({ key, values: toDraft(section, r) })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const propose = trpc.company.proposeChange.useMutation({
    onSuccess: (cr) => {
      toast.success(cr.route === 'AUTO' ? 'Saved: the change applies at once' : 'Sent for approval');
      void utils.company.get.invalidate();
      void utils.changeRequests.mine.invalidate();
      onDone();
    },
    onError: (error) => {
      const { fields, form } = proposalErrors(error, (path) => path.startsWith(`${section}.`) || path === section);
      setErrors(fields);
      setFormError(form);
    },
  });
  const set = (i: number, name: string, value: string | boolean) =>
    setDrafts((prev) => prev.map((d, j) => (j === i ? { ...d, values: { ...d.values, [name]: value } } : d)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    propose.mutate({ [section]: drafts.map((d) => fromDraft(section, d.values)) } as Proposal);
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-4"
      aria-label={`Propose ${def.title.toLowerCase()}`}
      data-testid={`editor-${section}`}
    >
      {formError ? <Alert data-testid="proposal-error">{formError}</Alert> : null}
      {errors[section] ? <Alert>{errors[section]}</Alert> : null}
      {drafts.map(({ key, values: draft }, i) => (
        <fieldset key={key} className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-2">
          <legend className="px-1 text-sm font-medium text-slate-700">
            {def.item} {i + 1}
          </legend>
          {def.fields.map((f) => {
            const path = `${section}.${i}.${f.name}`;
            const value = draft[f.name];
            if (f.kind === 'checkbox') {
              return (
                <label
                  key={f.name}
                  htmlFor={`${base}-${key}-${f.name}`}
                  className="flex items-center gap-2 text-sm text-slate-700"
                >
                  <Checkbox
                    id={`${base}-${key}-${f.name}`}
                    checked={value === true}
                    onChange={(e) => set(i, f.name, e.target.checked)}
                  />
                  {f.label}
                </label>
              );
            }
            return (
              <FormField key={f.name} label={f.label} error={errors[path]}>
                {f.kind === 'state' ? (
                  <Select value={String(value)} onChange={(e) => set(i, f.name, e.target.value)} name={path}>
                    <option value="">Choose…</option>
                    {STATES.map(([code, name]) => (
                      <option key={code} value={code}>
                        {name} ({code})
                      </option>
                    ))}
                  </Select>
                ) : f.kind === 'select' ? (
                  <Select value={String(value)} onChange={(e) => set(i, f.name, e.target.value)} name={path}>
                    {f.options?.map((o) => (
                      <option key={o} value={o}>
                        {o.replace('_', ' ').toLowerCase()}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Input value={String(value)} onChange={(e) => set(i, f.name, e.target.value)} name={path} autoComplete="off" />
                )}
              </FormField>
            );
          })}
          <div className="sm:col-span-2">
            <Button type="button" variant="ghost" size="sm" onClick={() => setDrafts((prev) => prev.filter((_, j) => j !== i))}>
              <Trash2 aria-hidden /> Remove
            </Button>
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setDrafts((prev) => [...prev, { key: nextKey, values: emptyDraft(section) }]);
            setNextKey((k) => k + 1);
          }}
        >
          <Plus aria-hidden /> Add {def.item.toLowerCase()}
        </Button>
        <span className="ml-auto flex gap-2">
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={propose.isPending} data-testid="proposal-submit">
            {section === 'contacts' ? 'Save contacts' : 'Send for approval'}
          </Button>
        </span>
      </div>
    </form>
  );
}
