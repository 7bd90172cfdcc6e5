import { SignInPage } from '@kapas/ui';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';

export function SignInRoute() {
  const navigate = useNavigate();
  const { redirect } = useSearch({ from: '/sign-in' });
  return (
    <SignInPage
      audience="BACK_OFFICE"
      title="Kapas Back Office"
      subtitle="Sign in with your staff account"
      onSignedIn={() => {
        void navigate({ to: redirect?.startsWith('/') && !redirect.startsWith('//') ? redirect : '/commodities' });
      }}
      forgotPassword={
        <Link to="/forgot-password" className="font-medium text-brand-700 hover:underline">
          Forgot password?
        </Link>
      }
      footer="For Kapas staff only. Partners sign in at the trading app."
    />
  );
}
