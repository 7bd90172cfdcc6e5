import { Alert, AuthLayout, authCardClass, Button, EmailField, trpc } from '@kapas/ui';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { formErrors } from '../lib/errors';

/** Asks for a reset link and code by email; the answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const request = trpc.auth.requestPasswordReset.useMutation({
    onError: (error) => {
      const { fields, form } = formErrors(error, ['email'] as const);
      setEmailError(fields.email);
      setFormError(form);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const trimmed = email.trim();
    const error = !trimmed
      ? 'Enter your email address'
      : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)
        ? undefined
        : 'Enter a valid email address';
    setEmailError(error);
    if (error) return;
    request.mutate({ email: trimmed });
  };

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="We will email you a link and a 6-digit code"
      footer={
        <Link to="/sign-in" search={{}} className="font-medium text-brand-700 hover:underline">
          Back to sign in
        </Link>
      }
    >
      {request.isSuccess ? (
        <div className={authCardClass}>
          <Alert tone="info" data-testid="reset-requested">
            {request.data.message}
          </Alert>
          <p className="text-sm text-slate-600">
            Open the link in the email, or enter the code from it on the next page. The code is valid for 10 minutes.
          </p>
          <Button asChild>
            <Link to="/reset-password" search={{ email: email.trim() }}>
              I have a code
            </Link>
          </Button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className={authCardClass} aria-label="Request a password reset">
          {formError ? <Alert>{formError}</Alert> : null}
          <EmailField value={email} onChange={setEmail} error={emailError} />
          <Button type="submit" loading={request.isPending} className="w-full">
            Send reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
