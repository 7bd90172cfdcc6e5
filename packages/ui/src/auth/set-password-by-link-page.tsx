import { type FormEvent, type ReactNode, useState } from 'react';
import { Button } from '../components/button';
import { Alert } from '../components/states';
import { toast } from '../components/toaster';
import { errorCode, errorMessage, firstFieldErrors } from '../lib/errors';
import { trpc } from '../trpc/trpc';
import { AuthLayout, authCardClass } from './auth-layout';
import { checkNewPassword, type NewPasswordErrors, NewPasswordFields, newPasswordErrors } from './new-password-fields';

/** New password for a link token: the reset link (`mode="reset"`) or an invitation (`mode="invite"`). */
export function SetPasswordByLinkPage({
  mode,
  token,
  title,
  backToSignIn,
  onDone,
}: {
  mode: 'reset' | 'invite';
  token: string | undefined;
  title: string;
  backToSignIn: ReactNode;
  onDone: (email: string | null) => void;
}) {
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const onError = (error: unknown) => {
    const c = errorCode(error);
    if (c === 'NOT_FOUND' || c === 'OTP_EXPIRED' || c === 'OTP_INVALID' || firstFieldErrors(error).token) {
      setErrors({ form: `${errorMessage(error)} Ask for a new ${mode === 'invite' ? 'invitation' : 'reset link'}.` });
      return;
    }
    setErrors(newPasswordErrors(error, mode === 'invite' ? 'password' : 'newPassword'));
  };
  const reset = trpc.auth.resetPassword.useMutation({
    onSuccess: () => {
      toast.success('Your password was changed. Sign in with the new one.');
      onDone(null);
    },
    onError,
  });
  const accept = trpc.auth.acceptInvite.useMutation({
    onSuccess: (result) => {
      toast.success('Your account is ready. Sign in with your new password.');
      onDone(result.email);
    },
    onError,
  });
  const pending = reset.isPending || accept.isPending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!token) return;
    const found = checkNewPassword(next, confirm);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (mode === 'invite') accept.mutate({ token, password: next });
    else reset.mutate({ token, newPassword: next });
  };

  return (
    <AuthLayout
      title={title}
      subtitle={mode === 'invite' ? 'Choose a password to activate your account' : 'Choose a new password'}
      footer={backToSignIn}
    >
      {!token ? (
        <div className={authCardClass}>
          <Alert>This link is incomplete. Open the link from the email again.</Alert>
        </div>
      ) : (
        <form
          onSubmit={submit}
          noValidate
          className={authCardClass}
          aria-label={mode === 'invite' ? 'Accept invitation' : 'Reset password'}
        >
          {errors.form ? <Alert data-testid="link-error">{errors.form}</Alert> : null}
          <NewPasswordFields
            value={next}
            onChange={setNext}
            confirm={confirm}
            onConfirmChange={setConfirm}
            errors={errors}
            label={mode === 'invite' ? 'Password' : 'New password'}
          />
          <Button type="submit" loading={pending} className="w-full">
            {mode === 'invite' ? 'Activate account' : 'Set new password'}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
