import { Alert, Button, Dialog, DialogContent, DialogFooter, FormField, Input, Select, toast } from '@kapas/ui';
import { type ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyServerErrors } from '../../lib/server-errors';

export type FieldSpec = {
  name: string;
  label: string;
  hint?: ReactNode;
  /** `select` needs options; `decimal` opens the numeric keyboard on phones. */
  kind?: 'text' | 'date' | 'decimal' | 'select';
  options?: { value: string; label: string }[];
  /** Limits typed characters; the server checks the real rules and answers with field errors. */
  maxLength?: number;
  /** Recomputes other fields when this one changes (e.g. a year's dates from its code). */
  derive?: (value: string) => Record<string, string>;
};

type Values = Record<string, string>;

/**
 * One small form in a dialog: string inputs, Enter submits, Escape cancels, the first field has
 * focus, and the API's field errors land next to their fields (anything else above the form).
 */
export function FieldsDialog({
  title,
  description,
  fields,
  initial,
  submitLabel,
  onSubmit,
  onClose,
  success,
  validate,
}: {
  title: string;
  description?: ReactNode;
  fields: FieldSpec[];
  initial: Values;
  submitLabel: string;
  onSubmit: (values: Values) => Promise<unknown>;
  onClose: () => void;
  /** Toast text after a successful save. */
  success: string;
  /** Checks the browser can make before asking the server: field name → message. */
  validate?: (values: Values) => Record<string, string>;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, setValue } = useForm<Values>({ defaultValues: initial });
  const known = new Set(fields.map((f) => f.name));

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, (v ?? '').trim()]));
    const local = Object.entries(validate?.(trimmed) ?? {});
    for (const [name, message] of local) setError(name, { type: 'client', message }, { shouldFocus: name === local[0]?.[0] });
    if (local.length) return;
    try {
      await onSubmit(trimmed);
      toast.success(success);
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, (path) => known.has(path)));
    }
  });

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent title={title} description={description}>
        <form onSubmit={submit} noValidate className="grid gap-4" aria-label={title}>
          {formError ? <Alert data-testid="form-error">{formError}</Alert> : null}
          {fields.map((field, index) => {
            const registered = register(field.name, {
              onChange: field.derive
                ? (event: { target: { value: string } }) => {
                    for (const [name, value] of Object.entries(field.derive?.(event.target.value) ?? {})) {
                      setValue(name, value, { shouldDirty: true });
                    }
                  }
                : undefined,
            });
            return (
              <FormField key={field.name} label={field.label} error={formState.errors[field.name]?.message} hint={field.hint}>
                {field.kind === 'select' ? (
                  <Select {...registered} autoFocus={index === 0}>
                    {(field.options ?? []).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Input
                    {...registered}
                    type={field.kind === 'date' ? 'date' : 'text'}
                    inputMode={field.kind === 'decimal' ? 'decimal' : undefined}
                    maxLength={field.maxLength}
                    autoFocus={index === 0}
                    autoComplete="off"
                  />
                )}
              </FormField>
            );
          })}
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={formState.isSubmitting}>
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Blank means "no value" for optional text fields. */
export const orNull = (value: string | undefined): string | null => (value ? value : null);
