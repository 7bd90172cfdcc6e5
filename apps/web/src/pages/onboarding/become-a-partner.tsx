import { Button, Card } from '@kapas/ui';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Building2, Copy } from 'lucide-react';
import { useState } from 'react';
import { forgetResumeToken, resumeLink, savedResumeToken, saveResumeToken } from './resume-store';
import { StartForm, useStartApplication } from './start-form';
import { OnboardingWizard } from './wizard';

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center justify-between px-4 py-3">
          <span className="flex items-center gap-2 font-semibold text-slate-900">
            <Building2 className="size-5 text-brand-600" aria-hidden /> Become a Kapas partner
          </span>
          <Link to="/sign-in" search={{}} className="text-sm font-medium text-brand-700 hover:underline">
            Sign in
          </Link>
        </div>
      </header>
      <main className="mx-auto max-w-4xl px-4 py-8">{children}</main>
    </div>
  );
}

/** Shown once after `start` (and kept above the wizard): the link is the only way back in. */
function ResumeNotice({ token }: { token: string }) {
  const link = resumeLink(token);
  return (
    <div className="mb-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="note">
      <p className="font-medium">Keep this link to continue your application later:</p>
      <div className="mt-2 flex items-center gap-2">
        <code className="flex-1 truncate rounded bg-white px-2 py-1 text-xs" data-testid="resume-link">
          {link}
        </code>
        <Button type="button" variant="secondary" size="sm" onClick={() => void navigator.clipboard?.writeText(link)}>
          <Copy aria-hidden /> Copy
        </Button>
      </div>
      <p className="mt-1 text-xs">Treat it like a password: anyone with it can edit your application.</p>
    </div>
  );
}

/** `/become-a-partner` (optionally `?resume=<token>`): start, or resume, the self-service application. */
export function BecomeAPartnerPage() {
  const { resume } = useSearch({ from: '/become-a-partner' });
  const navigate = useNavigate();
  const [justStarted, setJustStarted] = useState(false);
  const stored = savedResumeToken();
  const token = resume ?? null;
  const { start, apiErrors, apiError } = useStartApplication((t) => {
    saveResumeToken(t);
    setJustStarted(true);
    void navigate({ to: '/become-a-partner', search: { resume: t }, replace: true });
  });

  if (!token) {
    return (
      <Frame>
        {stored ? (
          <div
            className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm text-slate-800"
            data-testid="resume-saved"
          >
            You have an application in progress on this device.{' '}
            <Link to="/become-a-partner" search={{ resume: stored }} className="font-medium underline">
              Continue it
            </Link>{' '}
            or{' '}
            <button
              type="button"
              className="font-medium underline"
              onClick={() => {
                forgetResumeToken();
                void navigate({ to: '/become-a-partner', search: {} });
              }}
            >
              start a new one
            </button>
            .
          </div>
        ) : null}
        <Card className="p-6">
          <h1 className="mb-1 text-lg font-semibold text-slate-900">Tell us who you are</h1>
          <p className="mb-5 text-sm text-slate-500">It takes about 10 minutes. You can stop at any step and continue later.</p>
          <StartForm pending={start.isPending} apiError={apiError} apiErrors={apiErrors} onStart={(v) => start.mutate(v)} />
        </Card>
      </Frame>
    );
  }

  return (
    <Frame>
      {justStarted || token === stored ? <ResumeNotice token={token} /> : null}
      <OnboardingWizard
        appRef={{ resumeToken: token }}
        onSubmitted={() => void navigate({ to: '/application-status', search: { resume: token } })}
      />
      <p className="mt-6 text-center text-xs text-slate-500">
        Submitted already?{' '}
        <Link to="/application-status" search={{ resume: token }} className="font-medium text-brand-700 hover:underline">
          See your application status
        </Link>
      </p>
    </Frame>
  );
}
