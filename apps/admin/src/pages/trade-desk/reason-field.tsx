import { FormField, Input } from '@kapas/ui';

/** An optional reason inside a confirmation dialog; it has focus when the dialog opens, and Enter confirms. */
export function ReasonField({
  value,
  onChange,
  onEnter,
}: {
  value: string;
  onChange: (value: string) => void;
  onEnter: () => void;
}) {
  return (
    <FormField label="Reason (optional, the other party sees it)">
      <Input
        value={value}
        maxLength={1000}
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
