import { FormField } from '../components/form-field';
import { Input } from '../components/input';

/**
 * An optional reason inside a confirmation dialog (cancel a trade, reject or withdraw an offer).
 * The dialog opens with focus here; Enter confirms, so the whole action works from the keyboard.
 */
export function ReasonField({
  value,
  onChange,
  onEnter,
  maxLength,
  label = 'Reason (optional)',
}: {
  value: string;
  onChange: (value: string) => void;
  onEnter: () => void;
  /** The API's bound for this reason. */
  maxLength: number;
  label?: string;
}) {
  return (
    <FormField label={label}>
      <Input
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            onEnter();
          }
        }}
      />
    </FormField>
  );
}
