import type { RouterInputs, RouterOutputs } from '@kapas/api';
import { Checkbox, FormField, firstFieldErrors, Input, Select } from '@kapas/ui';
import { type ComponentProps, useId } from 'react';
import { GST_STATE_CODES } from './schemas';

export type Draft = RouterOutputs['onboarding']['get'];
export type AppRef = RouterInputs['onboarding']['get']['ref'];
export type SaveInput = RouterInputs['onboarding']['saveStep'];
export type StepName = SaveInput['step'];
export type DataOf<S extends StepName> = Extract<SaveInput, { step: S }>['data'];
export type Errors = Record<string, string>;

export type StepProps = {
  draft: Draft;
  saving: boolean;
  /** Field errors from the API for this step, keyed like the form's own ('branches.0.gstin'). */
  apiErrors: Errors;
  onSave: <S extends StepName>(step: S, data: DataOf<S>) => void;
};

type Issue = { path: PropertyKey[]; message: string };

/** First message per dotted path, from a zod result (the same paths the API reports under `data.`). */
export function issuesToErrors(issues: readonly Issue[]): Errors {
  const out: Errors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/** The API's field errors of a saveStep call, with the `data.` prefix removed. */
export function stepErrorsFrom(error: unknown): Errors {
  const out: Errors = {};
  for (const [key, message] of Object.entries(firstFieldErrors(error))) out[key.replace(/^data\./, '')] = message;
  return out;
}

/** '' means "not given" for optional fields. */
export const blank = (v: string): string | null => (v.trim() === '' ? null : v);

export function TextField({
  label,
  error,
  hint,
  ...props
}: { label: string; error?: string | undefined; hint?: string } & ComponentProps<'input'>) {
  return (
    <FormField label={label} error={error} hint={hint}>
      <Input {...props} />
    </FormField>
  );
}

export const STATE_OPTIONS = Object.entries(GST_STATE_CODES)
  .filter(([code]) => code !== '25' && code !== '28')
  .sort((a, b) => a[1].localeCompare(b[1]));

export function StateSelect({
  label = 'State',
  value,
  onChange,
  error,
  testId,
}: {
  label?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  testId?: string;
}) {
  return (
    <FormField label={label} error={error}>
      <Select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">Choose a state</option>
        {STATE_OPTIONS.map(([code, name]) => (
          <option key={code} value={code}>
            {name} ({code})
          </option>
        ))}
      </Select>
    </FormField>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  error,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  error?: string | undefined;
  testId?: string;
}) {
  const id = useId();
  return (
    <div>
      <div className="flex items-center gap-2 text-sm text-slate-700">
        <Checkbox id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
        <label htmlFor={id}>{label}</label>
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-xs font-medium text-red-600" data-testid="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
