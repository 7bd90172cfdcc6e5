import { Button, LoadingState, trpc, useMe, useSignOut } from '@kapas/ui';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ChangePasswordForm } from '../components/change-password-form';
import { PublicPage } from '../components/public-page';

/** Shown instead of the app while `me.mustChangePassword`: nothing else works until the password is changed. */
export function ForcedChangePasswordPage() {
  const me = useMe();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const signOut = useSignOut(() => void navigate({ to: '/sign-in', search: {} }));
  const signedOut = me.isSuccess && !me.data;
  useEffect(() => {
    if (signedOut) void navigate({ to: '/sign-in', search: {}, replace: true });
  }, [signedOut, navigate]);
  if (!me.data) return <LoadingState className="min-h-full" />;
  return (
    <PublicPage
      title="Choose a new password"
      subtitle="Your account was set up by someone else: choose your own password before you continue."
      footer={
        <Button variant="link" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          Sign out
        </Button>
      }
    >
      <ChangePasswordForm
        me={me.data}
        submitLabel="Save and continue"
        onChanged={() => {
          void utils.auth.me.invalidate().then(() => navigate({ to: '/' }));
        }}
      />
    </PublicPage>
  );
}
