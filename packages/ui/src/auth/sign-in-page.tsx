import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { Input } from '../components/input';
import { Alert } from '../components/states';
import { errorCode, errorMessage, firstFieldErrors } from '../lib/errors';
import { trpc } from '../trpc/trpc';
import { AuthLayout, authCardClass } from './auth-layout';
import { EmailField } from './email-field';
import { authErrorMessage, errorDetails } from './error-details';

export type SignInPageProps = {
  audience: 'PARTNER' | 'BACK_OFFICE';
  title: string;
  subtitle: string;
  onSignedIn: () => void;
  footer?: ReactNode;
  /** e.g. a "Forgot password?" link, shown under the password field. */
  forgotPassword?: ReactNode;
};

type Errors = { email?: string; password?: string };
type Challenge = { challengeId: string; sentTo: string; expiresAt: string };

function validate(email: string, password: string): Errors {
  const errors: Errors = {};
  if (!email.trim()) errors.email = 'Enter your email address';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errors.email = 'Enter a valid email address';
  if (!password) errors.password = 'Enter your password';
  return errors;
}

/**
 * Email + password sign-in for one audience, then the one-time code when the account needs it
 * (always for back-office staff). The session lives in an HttpOnly cookie.
 */
export function SignInPage({ audience, title, subtitle, onSignedIn, footer, forgotPassword }: SignInPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();

  const finish = (me: NonNullable<ReturnType<typeof utils.auth.me.getData>>) => {
    queryClient.clear();
    utils.auth.me.setData(undefined, me);
    onSignedIn();
  };

  const backToStart = (message: string | null) => {
    setChallenge(null);
    setCode('');
    setCodeError(null);
    setNotice(null);
    setFormError(message);
  };

  const signIn = trpc.auth.signIn.useMutation({
    onSuccess: (result) => {
      if (result.status === 'OTP_REQUIRED') {
        setChallenge({ challengeId: result.challengeId, sentTo: result.sentTo, expiresAt: result.expiresAt });
        setCode('');
        setCodeError(null);
        setFormError(null);
        setNotice(`We sent a 6-digit code to ${result.sentTo}. It is valid for 10 minutes.`);
        return;
      }
      if (!result.me) {
        setFormError('Sign-in could not be completed. Please try again.');
        return;
      }
      finish(result.me);
    },
    onError: (error) => {
      const fields = firstFieldErrors(error);
      const code = errorCode(error);
      if (challenge) {
        // "Send a new code" restarts the sign-in; keep the code step if that failed (e.g. too soon).
        setNotice(null);
        setCodeError(authErrorMessage(error, 'Could not send a new code.'));
        return;
      }
      setErrors({ ...(fields.email ? { email: fields.email } : {}), ...(fields.password ? { password: fields.password } : {}) });
      setFormError(
        code === 'UNAUTHORIZED'
          ? error.message || 'Email or password is incorrect.'
          : Object.keys(fields).length
            ? null
            : authErrorMessage(error, errorMessage(error)),
      );
    },
  });

  const verify = trpc.auth.verifySignIn.useMutation({
    onSuccess: (result) => {
      if (!result.me) {
        backToStart('Sign-in could not be completed. Please try again.');
        return;
      }
      finish(result.me);
    },
    onError: (error) => {
      const code = errorCode(error);
      if (code === 'OTP_EXPIRED') {
        backToStart(error.message || 'This code has expired. Sign in again to get a new one.');
        setPassword('');
        return;
      }
      if (code === 'OTP_INVALID') {
        const left = errorDetails(error).attemptsLeft;
        if (left === 0) {
          backToStart('Too many wrong codes. Sign in again to get a new code.');
          setPassword('');
          return;
        }
        setCodeError(error.message || 'That code is not right.');
        setNotice(null);
        return;
      }
      const fields = firstFieldErrors(error);
      if (fields.code) {
        setCodeError(fields.code);
        return;
      }
      if (code === 'UNAUTHORIZED') {
        backToStart(error.message || 'Email or password is incorrect.');
        return;
      }
      setCodeError(authErrorMessage(error, errorMessage(error)));
    },
  });

  const submitPassword = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found = validate(email, password);
    setErrors(found);
    if (found.email || found.password) return;
    signIn.mutate({ email: email.trim(), password, audience, transport: 'cookie' });
  };

  const submitCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!challenge) return;
    const trimmed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(trimmed)) {
      setCodeError('Enter the 6-digit code');
      return;
    }
    setCodeError(null);
    verify.mutate({ challengeId: challenge.challengeId, code: trimmed, transport: 'cookie' });
  };

  const resend = () => {
    setCodeError(null);
    setNotice(null);
    signIn.mutate({ email: email.trim(), password, audience, transport: 'cookie' });
  };

  return (
    <AuthLayout title={title} subtitle={challenge ? 'Enter the code we sent you' : subtitle} footer={footer}>
      {challenge ? (
        <form onSubmit={submitCode} noValidate className={authCardClass} aria-label="Two-step verification">
          {notice ? (
            <Alert tone="info" data-testid="otp-sent">
              {notice}
            </Alert>
          ) : null}
          <FormField
            label="Verification code"
            error={codeError ?? undefined}
            hint={`Check the email sent to ${challenge.sentTo}.`}
          >
            <Input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={7}
              autoFocus
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/[^\d ]/g, ''))}
              className="font-mono tracking-[0.3em]"
            />
          </FormField>
          <Button type="submit" loading={verify.isPending} className="w-full">
            Verify and sign in
          </Button>
          <div className="flex items-center justify-between gap-2 text-sm">
            <Button type="button" variant="link" className="h-auto px-0" onClick={resend} loading={signIn.isPending}>
              Send a new code
            </Button>
            <Button
              type="button"
              variant="link"
              className="h-auto px-0"
              onClick={() => {
                backToStart(null);
                setPassword('');
              }}
            >
              Use a different account
            </Button>
          </div>
        </form>
      ) : (
        <form onSubmit={submitPassword} noValidate className={authCardClass} aria-label="Sign in">
          {formError ? <Alert data-testid="sign-in-error">{formError}</Alert> : null}
          <EmailField value={email} onChange={setEmail} error={errors.email} />
          <FormField label="Password" error={errors.password}>
            <Input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </FormField>
          {forgotPassword ? <div className="-mt-2 text-right text-sm">{forgotPassword}</div> : null}
          <Button type="submit" loading={signIn.isPending} className="w-full">
            Sign in
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
