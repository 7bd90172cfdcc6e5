import type { RouterInputs } from '@kapas/api';
import { Alert, Button, FormField, firstFieldErrors, Select, trpc } from '@kapas/ui';
import { type FormEvent, useState } from 'react';
import { BUSINESS_LABELS } from './company-steps';
import { type Errors, issuesToErrors, TextField } from './form-kit';
import { BUSINESS_TYPES, REGISTRATION_TYPES, startInput } from './schemas';

export type StartValues = RouterInputs['onboarding']['start'];

const EMPTY: StartValues = {
  applicantName: '',
  email: '',
  mobile: '',
  businessType: 'SELLER',
  registrationType: 'COMPANY',
  legalName: '',
};

/**
 * The first screen: who is applying and for which company. Used for self-service (`start`) and,
 * with another `submit`, by back office (`createDraft`).
 */
export function StartForm({
  pending,
  apiError,
  apiErrors,
  onStart,
  submitLabel = 'Start application',
}: {
  pending: boolean;
  apiError: string | null;
  apiErrors: Errors;
  onStart: (values: StartValues) => void;
  submitLabel?: string;
}) {
  const [v, setV] = useState<StartValues>(EMPTY);
  const [local, setLocal] = useState<Errors>({});
  const errors = { ...apiErrors, ...local };
  const set = (k: keyof StartValues) => (e: { target: { value: string } }) => setV((s) => ({ ...s, [k]: e.target.value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = startInput.safeParse(v);
    if (!result.success) {
      setLocal(issuesToErrors(result.error.issues));
      return;
    }
    setLocal({});
    onStart(v);
  };
  return (
    <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Start application">
      {apiError ? <Alert className="sm:col-span-2">{apiError}</Alert> : null}
      <TextField
        label="Your name"
        value={v.applicantName}
        onChange={set('applicantName')}
        error={errors.applicantName}
        autoFocus
        data-testid="start-name"
      />
      <TextField
        label="Company legal name"
        value={v.legalName}
        onChange={set('legalName')}
        error={errors.legalName}
        data-testid="start-legalName"
      />
      <TextField
        label="Email"
        type="email"
        value={v.email}
        onChange={set('email')}
        error={errors.email}
        autoComplete="email"
        data-testid="start-email"
      />
      <TextField
        label="Mobile"
        value={v.mobile}
        onChange={set('mobile')}
        error={errors.mobile}
        autoComplete="tel"
        placeholder="98250 12345"
        data-testid="start-mobile"
      />
      <FormField label="Business type" error={errors.businessType}>
        <Select value={v.businessType} onChange={set('businessType')} data-testid="start-businessType">
          {BUSINESS_TYPES.map((t) => (
            <option key={t} value={t}>
              {BUSINESS_LABELS[t]}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Registration type" error={errors.registrationType}>
        <Select value={v.registrationType} onChange={set('registrationType')} data-testid="start-registrationType">
          {REGISTRATION_TYPES.map((t) => (
            <option key={t} value={t}>
              {t === 'COMPANY' ? 'Company / firm' : 'Individual'}
            </option>
          ))}
        </Select>
      </FormField>
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" loading={pending} data-testid="start-submit">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** Self-service start: field errors from the API (e.g. an email already registered) go under their inputs. */
export function useStartApplication(onStarted: (token: string) => void) {
  const [apiErrors, setApiErrors] = useState<Errors>({});
  const [apiError, setApiError] = useState<string | null>(null);
  const start = trpc.onboarding.start.useMutation({
    onSuccess: (r) => onStarted(r.resumeToken),
    onError: (error) => {
      const fields = firstFieldErrors(error);
      setApiErrors(fields);
      setApiError(Object.keys(fields).length ? null : error.message);
    },
  });
  return { start, apiErrors, apiError };
}
