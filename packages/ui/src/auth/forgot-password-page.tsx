import { type FormEvent, type ReactNode, useState } from 'react';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { Input } from '../components/input';
import { Alert } from '../components/states';
import { toast } from '../components/toaster';
import { errorCode, errorMessage, firstFieldErrors } from '../lib/errors';
import { trpc } from '../trpc/trpc';
import { AuthLayout, authCardClass } from './auth-layout';
import { EmailField } from './email-field';
import { authErrorMessage } from './error-details';
import { checkNewPassword, type NewPasswordErrors, NewPasswordFields, newPasswordErrors } from './new-password-fields';

/** "Forgot password?": asks for a reset email, then lets the user type the emailed code with a new password. */
export function ForgotPasswordPage({
  title,
  backToSignIn,
  onReset,
}: {
  title: string;
  /** A link back to the sign-in page. */
  backToSignIn: ReactNode;
  /** Called once the password was reset. */
  onReset: () => void;
}) {
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors & { code?: string }>({});

  const request = trpc.auth.requestPasswordReset.useMutation({
    onSuccess: (result) => setSent(result.message),
    onError: (error) => setEmailError(firstFieldErrors(error).email ?? authErrorMessage(error, errorMessage(error))),
  });
  const reset = trpc.auth.resetPassword.useMutation({
    onSuccess: () => {
      toast.success('Your password was changed. Sign in with the new one.');
      onReset();
    },
    onError: (error) => {
      const c = errorCode(error);
      const fields = firstFieldErrors(error);
      if (c === 'OTP_INVALID' || c === 'OTP_EXPIRED' || fields.code) {
        setErrors({ code: fields.code ?? error.message });
        return;
      }
      setErrors(newPasswordErrors(error, 'newPassword'));
    },
  });

  const submitEmail = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setEmailError('Enter a valid email address');
      return;
    }
    setEmailError(null);
    request.mutate({ email: email.trim() });
  };
  const submitCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = code.replace(/\s+/g, '');
    const found: typeof errors = /^\d{6}$/.test(trimmed) ? checkNewPassword(next, confirm) : { code: 'Enter the 6-digit code' };
    setErrors(found);
    if (Object.keys(found).length) return;
    reset.mutate({ email: email.trim(), code: trimmed, newPassword: next });
  };

  return (
    <AuthLayout
      title={title}
      subtitle={sent ? 'Use the link in the email, or enter its code here' : 'We will email you a link and a code'}
      footer={backToSignIn}
    >
      {sent ? (
        <form onSubmit={submitCode} noValidate className={authCardClass} aria-label="Reset password">
          <Alert tone="info" data-testid="reset-sent">
            {sent}
          </Alert>
          {errors.form ? <Alert>{errors.form}</Alert> : null}
          <FormField label="Code from the email" error={errors.code}>
            <Input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/[^\d ]/g, ''))}
              className="font-mono tracking-[0.3em]"
            />
          </FormField>
          <NewPasswordFields
            value={next}
            onChange={setNext}
            confirm={confirm}
            onConfirmChange={setConfirm}
            errors={errors}
            identity={{ email }}
          />
          <Button type="submit" loading={reset.isPending} className="w-full">
            Set new password
          </Button>
          <Button type="button" variant="link" className="h-auto px-0" onClick={() => setSent(null)}>
            Send another email
          </Button>
        </form>
      ) : (
        <form onSubmit={submitEmail} noValidate className={authCardClass} aria-label="Request a password reset">
          <EmailField value={email} onChange={setEmail} error={emailError ?? undefined} />
          <Button type="submit" loading={request.isPending} className="w-full">
            Email me a reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
