import { Badge, Button, errorMessage, FormField, Input, toast, trpc } from '@kapas/ui';
import { CheckCircle2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import type { AppRef, Draft } from './form-kit';

/** One contact channel: send a code, type it in; shows "Verified" once done. */
function VerifyChannel({
  appRef,
  channel,
  target,
  verified,
}: {
  appRef: AppRef;
  channel: 'EMAIL' | 'MOBILE';
  target: string;
  verified: boolean;
}) {
  const utils = trpc.useUtils();
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const label = channel === 'EMAIL' ? 'email' : 'mobile';
  const onSent = (r: { sentTo: string }) => {
    setSentTo(r.sentTo);
    toast.success(`Code sent to ${r.sentTo}`);
  };
  const sendEmail = trpc.onboarding.sendEmailCode.useMutation({ onSuccess: onSent, onError: (e) => setError(errorMessage(e)) });
  const sendMobile = trpc.onboarding.sendMobileCode.useMutation({ onSuccess: onSent, onError: (e) => setError(errorMessage(e)) });
  const onVerified = () => {
    setError(undefined);
    void utils.onboarding.get.invalidate();
  };
  const verifyEmail = trpc.onboarding.verifyEmail.useMutation({
    onSuccess: onVerified,
    onError: (e) => setError(errorMessage(e)),
  });
  const verifyMobile = trpc.onboarding.verifyMobile.useMutation({
    onSuccess: onVerified,
    onError: (e) => setError(errorMessage(e)),
  });
  const send = channel === 'EMAIL' ? sendEmail : sendMobile;
  const verify = channel === 'EMAIL' ? verifyEmail : verifyMobile;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setError('Enter the 6-digit code');
      return;
    }
    verify.mutate({ ref: appRef, code: code.trim() });
  };

  return (
    <section className="rounded-lg border border-slate-200 p-4" data-testid={`verify-${label}`}>
      <div className="mb-3 flex items-center justify-between gap-2">
        <div>
          <p className="text-sm font-medium text-slate-900">Verify your {label}</p>
          <p className="text-xs text-slate-500">{target}</p>
        </div>
        {verified ? (
          <Badge tone="success" data-testid={`verified-${label}`}>
            <CheckCircle2 className="size-3" aria-hidden /> Verified
          </Badge>
        ) : (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            loading={send.isPending}
            onClick={() => send.mutate({ ref: appRef })}
            data-testid={`send-${label}-code`}
          >
            {sentTo ? 'Send a new code' : 'Send code'}
          </Button>
        )}
      </div>
      {!verified && sentTo ? (
        <form onSubmit={submit} noValidate className="flex items-end gap-2">
          <FormField label="6-digit code" error={error} className="flex-1">
            <Input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              data-testid={`${label}-code`}
            />
          </FormField>
          <Button type="submit" loading={verify.isPending} data-testid={`verify-${label}-code`}>
            Verify
          </Button>
        </form>
      ) : !verified && error ? (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </section>
  );
}

export function VerifyStep({ draft, appRef }: { draft: Draft; appRef: AppRef }) {
  return (
    <div className="grid gap-4">
      <p className="text-sm text-slate-600">We send a one-time code to each; codes are valid for 10 minutes.</p>
      <VerifyChannel appRef={appRef} channel="EMAIL" target={draft.applicant.email} verified={draft.applicant.emailVerified} />
      <VerifyChannel appRef={appRef} channel="MOBILE" target={draft.applicant.mobile} verified={draft.applicant.mobileVerified} />
    </div>
  );
}
