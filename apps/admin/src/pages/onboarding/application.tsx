import { PageHeader } from '@kapas/ui';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { EMPTY_APPLICATIONS_SEARCH } from './search';
import { OnboardingWizard } from './shared';

/** One application, filled and submitted by back office through the same steps the applicant sees. */
export function ApplicationPage() {
  const { id } = useParams({ from: '/app/applications/$id' });
  const navigate = useNavigate();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Application"
        description="Codes for the email and mobile go to the applicant; ask them to read them out to you."
        actions={
          <Link
            to="/applications"
            search={EMPTY_APPLICATIONS_SEARCH}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            All applications
          </Link>
        }
      />
      <OnboardingWizard
        appRef={{ applicationId: id }}
        onSubmitted={() =>
          void navigate({ to: '/applications', search: { ...EMPTY_APPLICATIONS_SEARCH, status: 'PENDING_APPROVAL' } })
        }
      />
    </div>
  );
}
