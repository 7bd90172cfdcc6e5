import { FormField, Input, PasswordHints, type PasswordIdentity } from '@kapas/ui';
import { useId } from 'react';

/** "New password" with the live policy checklist, and "Confirm password". */
export function NewPasswordFields({
  password,
  confirm,
  onPasswordChange,
  onConfirmChange,
  passwordError,
  confirmError,
  identity,
  label = 'New password',
  autoFocus,
}: {
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  passwordError?: string | undefined;
  confirmError?: string | undefined;
  identity?: PasswordIdentity;
  label?: string;
  autoFocus?: boolean;
}) {
  const hintsId = useId();
  return (
    <>
      <div className="grid gap-2">
        <FormField label={label} error={passwordError}>
          <Input
            name="new-password"
            type="password"
            autoComplete="new-password"
            autoFocus={autoFocus}
            value={password}
            onChange={(e) => onPasswordChange(e.target.value)}
          />
        </FormField>
        <PasswordHints id={hintsId} password={password} {...(identity ? { identity } : {})} />
      </div>
      <FormField label="Confirm password" error={confirmError}>
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

/** Client-side checks before the API sees the new password (the API checks the policy itself). */
export function checkNewPassword(password: string, confirm: string): { password?: string; confirm?: string } {
  const errors: { password?: string; confirm?: string } = {};
  if (!password) errors.password = 'Choose a new password';
  if (password && confirm !== password) errors.confirm = 'The passwords do not match';
  return errors;
}
