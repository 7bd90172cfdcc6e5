import {
  Alert,
  AuthLayout,
  authCardClass,
  Button,
  checkNewPassword,
  EmailField,
  errorCode,
  FormField,
  Input,
  type NewPasswordErrors,
  NewPasswordFields,
  trpc,
} from '@kapas/ui';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { allFieldMessages, formErrors } from '../lib/errors';

type Errors = NewPasswordErrors & { email?: string; code?: string };

/** `/reset-password?token=…` (the emailed link) or `/reset-password?email=…` (email + 6-digit code). */
export function ResetPasswordPage() {
  const search = useSearch({ from: '/reset-password' });
  const navigate = useNavigate();
  const token = search.token;
  const [email, setEmail] = useState(search.email ?? '');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const reset = trpc.auth.resetPassword.useMutation({
    onError: (error) => {
      const { fields, form } = formErrors(error, ['email', 'code', 'newPassword'] as const);
      const all = allFieldMessages(error, 'newPassword');
      setErrors({ ...fields, ...(all ? { newPassword: all } : {}) });
      const kind = errorCode(error);
      setFormError(
        token && (kind === 'BAD_REQUEST' || kind === 'NOT_FOUND' || kind === 'CONFLICT') && !all
          ? 'This reset link is invalid, expired or already used. Ask for a new one.'
          : form,
      );
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found: Errors = { ...checkNewPassword(newPassword, confirm) };
    if (!token) {
      if (!email.trim()) found.email = 'Enter your email address';
      if (!/^\d{6}$/.test(code.trim())) found.code = 'Enter the 6-digit code';
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    reset.mutate(token ? { token, newPassword } : { email: email.trim(), code: code.trim(), newPassword });
  };

  if (reset.isSuccess) {
    return (
      <AuthLayout title="Password changed" subtitle="Sign in with your new password">
        <div className={authCardClass}>
          <Alert tone="info" data-testid="reset-done">
            Your password was changed and every session was signed out.
          </Alert>
          <Button onClick={() => void navigate({ to: '/sign-in', search: {} })} autoFocus>
            Go to sign in
          </Button>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Choose a new password"
      subtitle={token ? 'From the link in your email' : 'Enter the code we emailed you'}
      footer={
        <div className="grid gap-1">
          {token ? (
            <Link to="/reset-password" search={{}} className="font-medium text-brand-700 hover:underline">
              Use a code instead
            </Link>
          ) : (
            <Link to="/forgot-password" className="font-medium text-brand-700 hover:underline">
              Send me a new code
            </Link>
          )}
          <Link to="/sign-in" search={{}} className="font-medium text-brand-700 hover:underline">
            Back to sign in
          </Link>
        </div>
      }
    >
      <form onSubmit={submit} noValidate className={authCardClass} aria-label="Reset password">
        {formError ? <Alert>{formError}</Alert> : null}
        {token ? null : (
          <>
            <EmailField value={email} onChange={setEmail} error={errors.email} autoFocus={!email} />
            <FormField label="6-digit code" error={errors.code}>
              <Input
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus={!!email}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              />
            </FormField>
          </>
        )}
        <NewPasswordFields
          value={newPassword}
          onChange={setNewPassword}
          confirm={confirm}
          onConfirmChange={setConfirm}
          errors={errors}
          confirmLabel="Confirm password"
          autoFocus={!!token}
          identity={email ? { email } : undefined}
        />
        <Button type="submit" loading={reset.isPending} className="w-full">
          Set new password
        </Button>
      </form>
    </AuthLayout>
  );
}
