import { Alert, Button, FormField, Input, type Me, trpc } from '@kapas/ui';
import { type FormEvent, useState } from 'react';
import { allFieldMessages, formErrors } from '../lib/errors';
import { checkNewPassword, NewPasswordFields } from './new-password-fields';

type Errors = { currentPassword?: string; newPassword?: string; confirm?: string };

/** Current password + new password (with live policy hints); the API ends the user's other sessions. */
export function ChangePasswordForm({
  me,
  onChanged,
  submitLabel = 'Change password',
}: {
  me: Me;
  onChanged: () => void;
  submitLabel?: string;
}) {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const change = trpc.auth.changePassword.useMutation({
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
      setErrors({});
      onChanged();
    },
    onError: (error) => {
      const { fields, form } = formErrors(error, ['currentPassword', 'newPassword'] as const);
      const all = allFieldMessages(error, 'newPassword');
      setErrors({ ...fields, ...(all ? { newPassword: all } : {}) });
      setFormError(form);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found: Errors = {};
    if (!currentPassword) found.currentPassword = 'Enter your current password';
    const next = checkNewPassword(newPassword, confirm);
    if (next.password) found.newPassword = next.password;
    if (next.confirm) found.confirm = next.confirm;
    setErrors(found);
    if (Object.keys(found).length) return;
    change.mutate({ currentPassword, newPassword });
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Change password">
      {formError ? <Alert>{formError}</Alert> : null}
      <FormField label="Current password" error={errors.currentPassword}>
        <Input
          name="current-password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
        />
      </FormField>
      <NewPasswordFields
        password={newPassword}
        confirm={confirm}
        onPasswordChange={setNewPassword}
        onConfirmChange={setConfirm}
        passwordError={errors.newPassword}
        confirmError={errors.confirm}
        identity={{ email: me.email, name: me.name }}
      />
      <div>
        <Button type="submit" loading={change.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
