import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { Input } from '../components/input';
import { PasswordHints, type PasswordIdentity } from '../components/password-hints';
import { Alert } from '../components/states';
import { toast } from '../components/toaster';
import { errorCode, errorMessage, firstFieldErrors } from '../lib/errors';
import { trpc } from '../trpc/trpc';
import { AuthLayout, authCardClass } from './auth-layout';
import { authErrorMessage, passwordPolicyReasons } from './error-details';

type NewPasswordErrors = { newPassword?: string; confirm?: string; form?: string };

/** Local checks before the server's: present and typed twice the same. */
function checkNew(newPassword: string, confirm: string): NewPasswordErrors {
  if (!newPassword) return { newPassword: 'Choose a new password' };
  if (newPassword !== confirm) return { confirm: 'The two passwords do not match' };
  return {};
}

/** PASSWORD_POLICY → every failed rule under the field; other field errors where they belong. */
function newPasswordErrors(error: unknown, field: string): NewPasswordErrors {
  const reasons = passwordPolicyReasons(error);
  const fields = firstFieldErrors(error);
  if (errorCode(error) === 'PASSWORD_POLICY' || reasons.length) {
    return { newPassword: reasons.length ? reasons.join(' · ') : (fields[field] ?? errorMessage(error)) };
  }
  if (fields[field]) return { newPassword: fields[field] };
  return { form: authErrorMessage(error, errorMessage(error)) };
}

/** "New password" + "Confirm new password" with the live policy checklist. */
export function NewPasswordFields({
  value,
  onChange,
  confirm,
  onConfirmChange,
  errors,
  identity,
  label = 'New password',
}: {
  value: string;
  onChange: (value: string) => void;
  confirm: string;
  onConfirmChange: (value: string) => void;
  errors: NewPasswordErrors;
  identity?: PasswordIdentity;
  label?: string;
}) {
  const hintsId = useId();
  return (
    <>
      <div className="grid gap-2">
        <FormField label={label} error={errors.newPassword}>
          <Input
            name="new-password"
            type="password"
            autoComplete="new-password"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby={hintsId}
          />
        </FormField>
        <PasswordHints password={value} id={hintsId} {...(identity ? { identity } : {})} />
      </div>
      <FormField label={`Confirm ${label.toLowerCase()}`} error={errors.confirm}>
        <Input
          name="confirm-password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => onConfirmChange(e.target.value)}
        />
      </FormField>
    </>
  );
}

/** Current password + new password (twice); the API ends the user's other sessions on success. */
export function ChangePasswordForm({
  identity,
  onChanged,
  submitLabel = 'Change password',
}: {
  identity?: PasswordIdentity;
  onChanged?: () => void;
  submitLabel?: string;
}) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors & { current?: string }>({});
  const utils = trpc.useUtils();
  const change = trpc.auth.changePassword.useMutation({
    onSuccess: async () => {
      setCurrent('');
      setNext('');
      setConfirm('');
      setErrors({});
      toast.success('Password changed. Your other sessions were signed out.');
      await utils.auth.me.invalidate();
      void utils.sessions.mine.invalidate();
      onChanged?.();
    },
    onError: (error) => {
      const fields = firstFieldErrors(error);
      if (fields.currentPassword || errorCode(error) === 'UNAUTHORIZED') {
        setErrors({ current: fields.currentPassword ?? error.message ?? 'Your current password is not right' });
        return;
      }
      setErrors(newPasswordErrors(error, 'newPassword'));
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = current ? checkNew(next, confirm) : { current: 'Enter your current password' };
    setErrors(found);
    if (Object.keys(found).length) return;
    change.mutate({ currentPassword: current, newPassword: next });
  };
  return (
    <form onSubmit={submit} noValidate className="grid max-w-md gap-4" aria-label="Change password">
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <FormField label="Current password" error={errors.current}>
        <Input
          name="current-password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </FormField>
      <NewPasswordFields
        value={next}
        onChange={setNext}
        confirm={confirm}
        onConfirmChange={setConfirm}
        errors={errors}
        {...(identity ? { identity } : {})}
      />
      <div>
        <Button type="submit" loading={change.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

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
    const found: typeof errors = /^\d{6}$/.test(trimmed) ? checkNew(next, confirm) : { code: 'Enter the 6-digit code' };
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
          <FormField label="Email" error={emailError ?? undefined}>
            <Input
              name="email"
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </FormField>
          <Button type="submit" loading={request.isPending} className="w-full">
            Email me a reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

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
    const found = checkNew(next, confirm);
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
