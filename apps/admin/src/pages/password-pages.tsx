import { ForgotPasswordPage, SetPasswordByLinkPage } from '@kapas/ui';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';

function BackToSignIn() {
  return (
    <Link to="/sign-in" search={{}} className="font-medium text-brand-700 hover:underline">
      Back to sign-in
    </Link>
  );
}

export function ForgotPasswordRoute() {
  const navigate = useNavigate();
  return (
    <ForgotPasswordPage
      title="Reset your password"
      backToSignIn={<BackToSignIn />}
      onReset={() => void navigate({ to: '/sign-in', search: {} })}
    />
  );
}

export function ResetPasswordRoute() {
  const navigate = useNavigate();
  const { token } = useSearch({ from: '/reset-password' });
  return (
    <SetPasswordByLinkPage
      mode="reset"
      token={token}
      title="Reset your password"
      backToSignIn={<BackToSignIn />}
      onDone={() => void navigate({ to: '/sign-in', search: {} })}
    />
  );
}

export function AcceptInviteRoute() {
  const navigate = useNavigate();
  const { token } = useSearch({ from: '/accept-invite' });
  return (
    <SetPasswordByLinkPage
      mode="invite"
      token={token}
      title="Welcome to Kapas Back Office"
      backToSignIn={<BackToSignIn />}
      onDone={() => void navigate({ to: '/sign-in', search: {} })}
    />
  );
}
