import { FormField } from '../components/form-field';
import { Input } from '../components/input';

/** The "Email" field of the signed-out forms (the account's user name for password managers). */
export function EmailField({
  value,
  onChange,
  error,
  autoFocus = true,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}) {
  return (
    <FormField label="Email" error={error}>
      <Input
        name="email"
        type="email"
        autoComplete="username"
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormField>
  );
}
