import { Alert, AuthLayout, authCardClass, Badge, ErrorState, formatDateTime, LoadingState, trpc } from '@kapas/ui';
import { Link, useSearch } from '@tanstack/react-router';
import { savedResumeToken } from './resume-store';

const STATUS_TEXT: Record<string, { label: string; tone: 'neutral' | 'success' | 'warning' | 'danger'; text: string }> = {
  DRAFT: { label: 'Draft', tone: 'neutral', text: 'Your application is not submitted yet.' },
  PENDING_VERIFICATION: { label: 'Being verified', tone: 'warning', text: 'We are checking your details.' },
  PENDING_APPROVAL: {
    label: 'Awaiting approval',
    tone: 'warning',
    text: 'Our team is reviewing your application. We will email you.',
  },
  ACTIVE: { label: 'Approved', tone: 'success', text: 'Welcome aboard! Check your email for the link to set your password.' },
  REJECTED: { label: 'Not approved', tone: 'danger', text: 'We could not approve this application.' },
};

/** `/application-status?resume=<token>`: where the applicant follows a submitted application. */
export function ApplicationStatusPage() {
  const { resume } = useSearch({ from: '/application-status' });
  const token = resume ?? savedResumeToken();
  const status = trpc.onboarding.status.useQuery(
    { ref: { resumeToken: token ?? '' } },
    { enabled: Boolean(token), retry: false },
  );
  const body = () => {
    if (!token) return <Alert>Open the link you were given when you started your application.</Alert>;
    if (status.isPending) return <LoadingState />;
    if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
    const s = status.data;
    const info = STATUS_TEXT[s.status] ?? { label: s.status, tone: 'neutral' as const, text: '' };
    return (
      <div className="grid gap-3 text-sm" data-testid="application-status">
        <div className="flex items-center justify-between">
          <span className="font-medium text-slate-900">{s.legalName}</span>
          <Badge tone={info.tone} data-testid="application-status-badge">
            {info.label}
          </Badge>
        </div>
        {s.number ? <p className="text-slate-600">Application number {s.number}</p> : null}
        {s.submittedAt ? <p className="text-slate-600">Submitted {formatDateTime(s.submittedAt)}</p> : null}
        <p className="text-slate-700">{info.text}</p>
        {s.rejectionReason ? <Alert data-testid="rejection-reason">Reason: {s.rejectionReason}</Alert> : null}
        {s.status === 'DRAFT' ? (
          <Link to="/become-a-partner" search={{ resume: token }} className="font-medium text-brand-700 hover:underline">
            Continue the application
          </Link>
        ) : null}
      </div>
    );
  };
  return (
    <AuthLayout
      title="Your application"
      footer={
        <Link to="/sign-in" search={{}} className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      }
    >
      <div className={authCardClass}>{body()}</div>
    </AuthLayout>
  );
}
