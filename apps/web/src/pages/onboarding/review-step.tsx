import { Alert, Button, errorMessage, fieldErrors, trpc } from '@kapas/ui';
import { useState } from 'react';
import { BUSINESS_LABELS } from './company-steps';
import type { AppRef, Draft } from './form-kit';

const STEP_TITLES: Record<string, string> = {
  company: 'Company',
  contacts: 'Contacts',
  tax: 'Tax registration',
  addresses: 'Addresses and branches',
  bank: 'Bank account',
  consents: 'Consents',
  email: 'Email verification',
  mobile: 'Mobile verification',
};

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 text-slate-900">{value || '—'}</dd>
    </div>
  );
}

/** Everything entered, what is still missing, and the submit button. */
export function ReviewStep({ draft, appRef, onSubmitted }: { draft: Draft; appRef: AppRef; onSubmitted: () => void }) {
  const utils = trpc.useUtils();
  const [problems, setProblems] = useState<string[]>([]);
  const submit = trpc.onboarding.submit.useMutation({
    onSuccess: () => {
      void utils.onboarding.invalidate();
      onSubmitted();
    },
    onError: (error) => {
      const fields = Object.entries(fieldErrors(error)).map(([k, m]) => `${STEP_TITLES[k] ?? k}: ${m[0] ?? ''}`);
      setProblems(fields.length ? fields : [errorMessage(error)]);
    },
  });
  const missing = [
    ...draft.missingSteps.map((s) => STEP_TITLES[s] ?? s),
    ...(draft.applicant.emailVerified ? [] : [STEP_TITLES.email!]),
    ...(draft.applicant.mobileVerified ? [] : [STEP_TITLES.mobile!]),
  ];
  const hq = draft.addresses.branches.find((b) => b.isHeadOffice);
  return (
    <div className="grid gap-4" data-testid="review">
      <dl className="divide-y divide-slate-100">
        <Row label="Legal name" value={draft.company.legalName} />
        <Row label="Business" value={BUSINESS_LABELS[draft.company.businessType] ?? draft.company.businessType} />
        <Row label="PAN" value={draft.tax.pan} />
        <Row label="GSTIN" value={draft.tax.gstin} />
        <Row
          label="Registered address"
          value={
            draft.addresses.registered &&
            `${draft.addresses.registered.line1}, ${draft.addresses.registered.city} ${draft.addresses.registered.pincode}`
          }
        />
        <Row label="Branches" value={`${draft.addresses.branches.length}${hq ? ` (head office ${hq.code})` : ''}`} />
        <Row
          label="Bank"
          value={draft.bank && `${draft.bank.bankName} ••••${draft.bank.accountNumber.slice(-4)} (${draft.bank.ifsc})`}
        />
        <Row label="Applicant" value={`${draft.applicant.name} · ${draft.applicant.email} · ${draft.applicant.mobile}`} />
      </dl>
      {missing.length ? <Alert data-testid="review-missing">Still to do: {missing.join(', ')}</Alert> : null}
      {problems.length ? (
        <Alert data-testid="submit-errors">
          <ul className="list-disc pl-4">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div className="flex justify-end">
        <Button
          type="button"
          loading={submit.isPending}
          disabled={missing.length > 0}
          onClick={() => submit.mutate({ ref: appRef })}
          data-testid="submit-application"
        >
          Submit application
        </Button>
      </div>
    </div>
  );
}
