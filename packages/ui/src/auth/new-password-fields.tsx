import { useId } from 'react';
import { FormField } from '../components/form-field';
import { Input } from '../components/input';
import { PasswordHints, type PasswordIdentity } from '../components/password-hints';
import { errorCode, errorMessage, firstFieldErrors } from '../lib/errors';
import { authErrorMessage, passwordPolicyReasons } from './error-details';

export type NewPasswordErrors = { newPassword?: string | undefined; confirm?: string | undefined; form?: string };

/** Local checks before the server's: present and typed twice the same. */
export function checkNewPassword(newPassword: string, confirm: string): NewPasswordErrors {
  if (!newPassword) return { newPassword: 'Choose a new password' };
  if (newPassword !== confirm) return { confirm: 'The two passwords do not match' };
  return {};
}

/** PASSWORD_POLICY → every failed rule under the field; other field errors where they belong. */
export function newPasswordErrors(error: unknown, field: string): NewPasswordErrors {
  const reasons = passwordPolicyReasons(error);
  const fields = firstFieldErrors(error);
  if (errorCode(error) === 'PASSWORD_POLICY' || reasons.length) {
    return { newPassword: reasons.length ? reasons.join(' · ') : (fields[field] ?? errorMessage(error)) };
  }
  if (fields[field]) return { newPassword: fields[field] };
  return { form: authErrorMessage(error, errorMessage(error)) };
}

/** "New password" + its confirmation, with the live policy checklist. */
export function NewPasswordFields({
  value,
  onChange,
  confirm,
  onConfirmChange,
  errors,
  identity,
  label = 'New password',
  confirmLabel = `Confirm ${label.toLowerCase()}`,
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  confirm: string;
  onConfirmChange: (value: string) => void;
  errors: NewPasswordErrors;
  identity?: PasswordIdentity | undefined;
  label?: string;
  confirmLabel?: string;
  autoFocus?: boolean;
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
            autoFocus={autoFocus}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby={hintsId}
          />
        </FormField>
        <PasswordHints password={value} id={hintsId} {...(identity ? { identity } : {})} />
      </div>
      <FormField label={confirmLabel} error={errors.confirm}>
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
