import { Card, cn, ErrorState, LoadingState, toast, trpc } from '@kapas/ui';
import { Check } from 'lucide-react';
import { useState } from 'react';
import { BankStep, CompanyStep, TaxStep } from './company-steps';
import { DocumentsStep } from './documents-step';
import {
  type AppRef,
  type DataOf,
  type Draft,
  type Errors,
  type SaveInput,
  type StepName,
  type StepProps,
  stepErrorsFrom,
} from './form-kit';
import { AddressesStep, ConsentsStep, ContactsStep } from './list-steps';
import { ReviewStep } from './review-step';
import { VerifyStep } from './verify-step';

type WizardStep = StepName | 'documents' | 'verify' | 'review';

const STEPS: { id: WizardStep; title: string }[] = [
  { id: 'company', title: 'Company' },
  { id: 'contacts', title: 'Contacts' },
  { id: 'tax', title: 'Tax' },
  { id: 'addresses', title: 'Addresses' },
  { id: 'bank', title: 'Bank' },
  { id: 'documents', title: 'Documents' },
  { id: 'consents', title: 'Consents' },
  { id: 'verify', title: 'Verify' },
  { id: 'review', title: 'Review' },
];

function isDone(step: WizardStep, draft: Draft): boolean {
  if (step === 'verify') return draft.applicant.emailVerified && draft.applicant.mobileVerified;
  if (step === 'documents' || step === 'review') return false;
  return !draft.missingSteps.includes(step);
}

/** The step list with where the applicant is and what is done; each entry is a button (keyboard reachable). */
function Progress({ current, draft, go }: { current: WizardStep; draft: Draft; go: (s: WizardStep) => void }) {
  return (
    <ol className="mb-6 flex flex-wrap gap-2" aria-label="Application progress" data-testid="onboarding-progress">
      {STEPS.map((s, i) => {
        const done = isDone(s.id, draft);
        return (
          <li key={s.id}>
            <button
              type="button"
              onClick={() => go(s.id)}
              aria-current={current === s.id ? 'step' : undefined}
              data-testid={`progress-${s.id}`}
              data-done={done ? 'true' : 'false'}
              className={cn(
                'flex items-center gap-1.5 rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset',
                current === s.id
                  ? 'bg-brand-600 text-white ring-brand-600'
                  : done
                    ? 'bg-emerald-50 text-emerald-700 ring-emerald-200'
                    : 'bg-white text-slate-600 ring-slate-200',
              )}
            >
              {done ? <Check className="size-3" aria-hidden /> : <span aria-hidden>{i + 1}</span>}
              {s.title}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function nextOf(step: WizardStep): WizardStep {
  const i = STEPS.findIndex((s) => s.id === step);
  return STEPS[Math.min(i + 1, STEPS.length - 1)]!.id;
}

/**
 * The whole application as steps, saved one at a time (each save is kept on the server, so the
 * applicant can stop and resume). Used by the trader app (resume token) and the admin app
 * (application id).
 */
export function OnboardingWizard({ appRef, onSubmitted }: { appRef: AppRef; onSubmitted: () => void }) {
  const query = trpc.onboarding.get.useQuery({ ref: appRef }, { retry: false });
  const utils = trpc.useUtils();
  const [current, setCurrent] = useState<WizardStep | null>(null);
  const [apiErrors, setApiErrors] = useState<Errors>({});
  const save = trpc.onboarding.saveStep.useMutation({
    onSuccess: (draft, input) => {
      utils.onboarding.get.setData({ ref: appRef }, draft);
      // Lists (back office, sub-broker) show the step and name: refresh them when next shown.
      void utils.onboarding.drafts.invalidate();
      void utils.onboarding.myRegistrations.invalidate();
      setApiErrors({});
      toast.success('Saved');
      setCurrent(nextOf(input.step));
    },
    onError: (error) => {
      const errors = stepErrorsFrom(error);
      setApiErrors(Object.keys(errors).length ? errors : { _: error.message });
    },
  });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const draft = query.data;
  const step: WizardStep = current ?? (draft.missingSteps.length === 0 ? 'verify' : (draft.currentStep as StepName));
  const go = (s: WizardStep) => {
    setApiErrors({});
    setCurrent(s);
  };
  const props: StepProps = {
    draft,
    saving: save.isPending,
    apiErrors,
    onSave: <S extends StepName>(s: S, data: DataOf<S>) => save.mutate({ ref: appRef, step: s, data } as SaveInput),
  };
  const title = STEPS.find((s) => s.id === step)?.title ?? '';
  return (
    <div>
      <Progress current={step} draft={draft} go={go} />
      <Card className="p-6" data-testid={`step-${step}`}>
        <h2 className="mb-4 text-base font-semibold text-slate-900">{title}</h2>
        {apiErrors._ ? (
          <p role="alert" className="mb-3 text-sm text-red-600">
            {apiErrors._}
          </p>
        ) : null}
        {step === 'company' && <CompanyStep key={draft.partnerId} {...props} />}
        {step === 'contacts' && <ContactsStep {...props} />}
        {step === 'tax' && <TaxStep {...props} />}
        {step === 'addresses' && <AddressesStep {...props} />}
        {step === 'bank' && <BankStep {...props} />}
        {step === 'documents' && (
          <div className="grid gap-4">
            <DocumentsStep appRef={appRef} registrationType={draft.company.registrationType} />
            <div className="flex justify-end">
              <button
                type="button"
                className="text-sm font-medium text-brand-700 hover:underline"
                onClick={() => go('consents')}
                data-testid="documents-continue"
              >
                Continue
              </button>
            </div>
          </div>
        )}
        {step === 'consents' && <ConsentsStep {...props} />}
        {step === 'verify' && (
          <div className="grid gap-4">
            <VerifyStep draft={draft} appRef={appRef} />
            <div className="flex justify-end">
              <button
                type="button"
                className="text-sm font-medium text-brand-700 hover:underline"
                onClick={() => go('review')}
                data-testid="verify-continue"
              >
                Continue to review
              </button>
            </div>
          </div>
        )}
        {step === 'review' && <ReviewStep draft={draft} appRef={appRef} onSubmitted={onSubmitted} />}
      </Card>
    </div>
  );
}
