import {
  Alert,
  AuthLayout,
  authCardClass,
  Button,
  checkNewPassword,
  type NewPasswordErrors,
  NewPasswordFields,
  trpc,
} from '@kapas/ui';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { allFieldMessages, formErrors } from '../lib/errors';

/** `/accept-invite?token=…`: an invited sub-user chooses a password, then is signed in. */
export function AcceptInvitePage() {
  const { token } = useSearch({ from: '/accept-invite' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [acceptedEmail, setAcceptedEmail] = useState<string | null>(null);

  const signIn = trpc.auth.signIn.useMutation({
    onSuccess: (result) => {
      if (!result.me) {
        // A second step is needed: the sign-in page handles it.
        void navigate({ to: '/sign-in', search: {} });
        return;
      }
      queryClient.clear();
      utils.auth.me.setData(undefined, result.me);
      void navigate({ to: '/' });
    },
    onError: () => void navigate({ to: '/sign-in', search: {} }),
  });
  const accept = trpc.auth.acceptInvite.useMutation({
    onSuccess: ({ email }) => {
      setAcceptedEmail(email);
      signIn.mutate({ email, password, audience: 'PARTNER', transport: 'cookie' });
    },
    onError: (error) => {
      const { fields, form } = formErrors(error, ['password', 'token'] as const);
      const all = allFieldMessages(error, 'password');
      setErrors(all ? { newPassword: all } : {});
      setFormError(fields.token ? 'This invitation link is invalid or has expired. Ask for a new invitation.' : form);
    },
  });

  if (!token) {
    return (
      <AuthLayout title="Invitation link incomplete">
        <div className={authCardClass}>
          <Alert>
            This page needs the full link from your invitation email. Open the link again or ask for a new invitation.
          </Alert>
          <Button asChild variant="secondary">
            <Link to="/sign-in" search={{}}>
              Go to sign in
            </Link>
          </Button>
        </div>
      </AuthLayout>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found = checkNewPassword(password, confirm);
    setErrors(found);
    if (Object.keys(found).length) return;
    accept.mutate({ token, password });
  };

  return (
    <AuthLayout
      title="Join your team on Kapas"
      subtitle={acceptedEmail ? `Signing in as ${acceptedEmail}…` : 'Choose a password to finish setting up your account'}
      footer={
        <Link to="/sign-in" search={{}} className="font-medium text-brand-700 hover:underline">
          Already set up? Sign in
        </Link>
      }
    >
      <form onSubmit={submit} noValidate className={authCardClass} aria-label="Accept invitation">
        {formError ? <Alert>{formError}</Alert> : null}
        <NewPasswordFields
          label="Password"
          value={password}
          onChange={setPassword}
          confirm={confirm}
          onConfirmChange={setConfirm}
          errors={errors}
          autoFocus
        />
        <Button type="submit" loading={accept.isPending || signIn.isPending} className="w-full">
          Set password and sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
