import { type FormEvent, useState } from 'react';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { Input } from '../components/input';
import type { PasswordIdentity } from '../components/password-hints';
import { Alert } from '../components/states';
import { toast } from '../components/toaster';
import { errorCode, firstFieldErrors } from '../lib/errors';
import { trpc } from '../trpc/trpc';
import { checkNewPassword, type NewPasswordErrors, NewPasswordFields, newPasswordErrors } from './new-password-fields';

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
    const found: typeof errors = current ? checkNewPassword(next, confirm) : { current: 'Enter your current password' };
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
