import { useQueryClient } from '@tanstack/react-query';
import { Sprout } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { Input } from '../components/input';
import { Alert } from '../components/states';
import { errorCode, errorMessage, firstFieldErrors } from '../lib/errors';
import { trpc } from '../trpc/trpc';

export type SignInPageProps = {
  audience: 'PARTNER' | 'BACK_OFFICE';
  title: string;
  subtitle: string;
  onSignedIn: () => void;
  footer?: ReactNode;
};

type Errors = { email?: string; password?: string };

function validate(email: string, password: string): Errors {
  const errors: Errors = {};
  if (!email.trim()) errors.email = 'Enter your email address';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errors.email = 'Enter a valid email address';
  if (!password) errors.password = 'Enter your password';
  return errors;
}

/** Email + password sign-in for one audience; the session lives in an HttpOnly cookie. */
export function SignInPage({ audience, title, subtitle, onSignedIn, footer }: SignInPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  const signIn = trpc.auth.signIn.useMutation({
    onSuccess: (result) => {
      if (!result.me) {
        // e.g. a second factor is required: this page cannot complete such a sign-in yet.
        setFormError('This account needs an extra verification step that this app does not support yet.');
        return;
      }
      queryClient.clear();
      utils.auth.me.setData(undefined, result.me);
      onSignedIn();
    },
    onError: (error) => {
      const fields = firstFieldErrors(error);
      setErrors({ ...(fields.email ? { email: fields.email } : {}), ...(fields.password ? { password: fields.password } : {}) });
      const code = errorCode(error);
      setFormError(
        code === 'UNAUTHORIZED'
          ? error.message || 'Email or password is incorrect.'
          : Object.keys(fields).length
            ? null
            : errorMessage(error),
      );
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found = validate(email, password);
    setErrors(found);
    if (found.email || found.password) return;
    signIn.mutate({ email: email.trim(), password, audience, transport: 'cookie' });
  };

  return (
    <div className="flex min-h-full items-center justify-center bg-gradient-to-br from-brand-50 via-slate-50 to-white px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <span className="flex size-11 items-center justify-center rounded-xl bg-brand-600 text-white shadow-sm">
            <Sprout className="size-6" aria-hidden />
          </span>
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
            <p className="mt-1 text-sm text-slate-500">{subtitle}</p>
          </div>
        </div>
        <form
          onSubmit={submit}
          noValidate
          className="grid gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          aria-label="Sign in"
        >
          {formError ? <Alert data-testid="sign-in-error">{formError}</Alert> : null}
          <FormField label="Email" error={errors.email}>
            <Input
              name="email"
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </FormField>
          <FormField label="Password" error={errors.password}>
            <Input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </FormField>
          <Button type="submit" loading={signIn.isPending} className="w-full">
            Sign in
          </Button>
        </form>
        {footer ? <div className="mt-4 text-center text-xs text-slate-500">{footer}</div> : null}
      </div>
    </div>
  );
}
