import { AuthLayout, authCardClass, Button, ChangePasswordForm, LoadingState, useMe, useSignOut } from '@kapas/ui';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';

/** Shown instead of the app while `me.mustChangePassword`: nothing else works until the password is changed. */
export function ForcedChangePasswordPage() {
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut(() => void navigate({ to: '/sign-in', search: {} }));
  const signedOut = me.isSuccess && !me.data;
  useEffect(() => {
    if (signedOut) void navigate({ to: '/sign-in', search: {}, replace: true });
  }, [signedOut, navigate]);
  if (!me.data) return <LoadingState className="min-h-full" />;
  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="Your account was set up by someone else: choose your own password before you continue."
      footer={
        <Button variant="link" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          Sign out
        </Button>
      }
    >
      <div className={authCardClass}>
        <ChangePasswordForm
          identity={{ email: me.data.email, name: me.data.name }}
          submitLabel="Save and continue"
          onChanged={() => void navigate({ to: '/' })}
        />
      </div>
    </AuthLayout>
  );
}
