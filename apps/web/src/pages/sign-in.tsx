import { SignInPage } from '@kapas/ui';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';

export function SignInRoute() {
  const navigate = useNavigate();
  const { redirect } = useSearch({ from: '/sign-in' });
  return (
    <SignInPage
      audience="PARTNER"
      title="Sign in to Kapas"
      subtitle="Cotton trading for mills, ginners and traders"
      onSignedIn={() => {
        void navigate({ to: redirect?.startsWith('/') && !redirect.startsWith('//') ? redirect : '/' });
      }}
      forgotPassword={
        <Link to="/forgot-password" className="font-medium text-brand-700 hover:underline">
          Forgot password?
        </Link>
      }
      footer={
        <>
          <Link
            to="/become-a-partner"
            search={{}}
            className="font-medium text-brand-700 hover:underline"
            data-testid="become-a-partner-link"
          >
            Become a partner
          </Link>
          {' · '}Back-office staff sign in at /admin
        </>
      }
    />
  );
}
