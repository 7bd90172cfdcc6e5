import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, contractValue, FormField, formatInr, Input } from '@kapas/ui';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { applyServerErrors } from '../../lib/server-errors';
import type { CounterTerms } from './use-act-for';

/** The API's counter-offer rules (price and bales as decimal strings, validity in hours) over the strings the inputs hold. */
const counterSchema = z.object({
  price: z
    .string()
    .trim()
    .regex(/^\d{1,12}(\.\d{1,2})?$/, 'Price in ₹ per candy, at most 2 decimals')
    .refine((v) => Number(v) > 0, 'Price must be above zero'),
  quantity: z
    .string()
    .trim()
    .regex(/^\d{1,10}(\.\d{1,3})?$/, 'Bales, at most 3 decimals')
    .refine((v) => Number(v) > 0, 'Quantity must be above zero'),
  validityHours: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'Whole hours')
    .refine((v) => Number(v) >= 1 && Number(v) <= 720, 'Between 1 and 720 hours'),
  message: z.string().trim().max(1000, 'At most 1000 characters'),
});
type CounterValues = z.infer<typeof counterSchema>;
const FIELDS = new Set(['price', 'quantity', 'validityHours', 'message']);

/**
 * New terms answering the named version, sent on the chosen party's behalf. Field errors from the
 * API (e.g. more bales than the trade still has open) land next to their fields.
 */
export function CounterForm({
  partyLabel,
  version,
  price,
  quantity,
  busy,
  onCounter,
}: {
  partyLabel: string;
  version: number;
  price: string;
  quantity: string;
  busy: boolean;
  /** Resolves to null on success, else the error. */
  onCounter: (terms: CounterTerms) => Promise<unknown>;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CounterValues>({
    resolver: zodResolver(counterSchema),
    defaultValues: { price, quantity, validityHours: '48', message: '' },
  });
  const [watchedPrice, watchedQuantity] = useWatch({ control: form.control, name: ['price', 'quantity'] });
  const preview = contractValue(watchedQuantity, watchedPrice);
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const error = await onCounter({
      price: values.price,
      quantity: values.quantity,
      validityHours: Number(values.validityHours),
      message: values.message || null,
    });
    if (error) setFormError(applyServerErrors(error, form.setError, (path) => FIELDS.has(path)));
  });

  return (
    <form onSubmit={submit} className="grid gap-3 border-t border-slate-200 pt-4" aria-label="Counter-offer" noValidate>
      <p className="text-sm font-medium text-slate-900">
        Or counter version {version} as {partyLabel}
      </p>
      {formError ? <Alert data-testid="counter-error">{formError}</Alert> : null}
      <div className="grid grid-cols-2 gap-3">
        <FormField label="Price (₹ per candy)" error={errors.price?.message}>
          <Input inputMode="decimal" autoComplete="off" {...form.register('price')} />
        </FormField>
        <FormField label="Quantity (bales)" error={errors.quantity?.message}>
          <Input inputMode="decimal" autoComplete="off" {...form.register('quantity')} />
        </FormField>
        <FormField label="Valid for (hours)" error={errors.validityHours?.message}>
          <Input inputMode="numeric" autoComplete="off" {...form.register('validityHours')} />
        </FormField>
        <div className="grid content-end pb-2 text-sm text-slate-600 tabular-nums" data-testid="counter-value">
          {preview ? `Value ${formatInr(preview)}` : null}
        </div>
      </div>
      <FormField label="Message" error={errors.message?.message}>
        <Input maxLength={1000} autoComplete="off" {...form.register('message')} />
      </FormField>
      <Button type="submit" variant="secondary" loading={busy && form.formState.isSubmitting} disabled={busy}>
        Send counter-offer
      </Button>
    </form>
  );
}
