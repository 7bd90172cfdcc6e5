import { Alert, Badge, Button, errorMessage, formatBales, formatPricePerCandy, Label } from '@kapas/ui';
import { Sparkles } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import type { QuickEntryResult } from './trade-form-model';

const FIELD_LABELS: Record<string, string> = {
  commodity: 'Commodity',
  variety: 'Variety',
  quantity: 'Quantity',
  targetPrice: 'Target price',
  station: 'Delivery station',
  deliveryTerm: 'Delivery term',
  paymentTerm: 'Payment term',
  urgency: 'Urgency',
};

/** What the parser recognised, as "label: value" chips. */
export function recognisedChips(result: QuickEntryResult): { key: string; label: string; value: string }[] {
  const f = result.fields;
  const chips: { key: string; label: string; value: string }[] = [];
  if (f.commodity) chips.push({ key: 'commodity', label: FIELD_LABELS.commodity ?? '', value: f.commodity.name });
  if (f.variety) chips.push({ key: 'variety', label: 'Variety', value: f.variety.name });
  if (f.quantity) chips.push({ key: 'quantity', label: 'Quantity', value: formatBales(f.quantity) });
  if (f.targetPrice) chips.push({ key: 'targetPrice', label: 'Target price', value: formatPricePerCandy(f.targetPrice) });
  for (const [name, r] of Object.entries(f.parameters)) {
    chips.push({ key: `parameter:${name}`, label: name.replace(/_/g, ' '), value: `${r.min ?? '…'}–${r.max ?? '…'}` });
  }
  for (const c of f.certificates) chips.push({ key: `certificate:${c.id}`, label: 'Certificate', value: c.name });
  if (f.station) chips.push({ key: 'station', label: 'Delivery station', value: f.station.name });
  if (f.deliveryTerm) chips.push({ key: 'deliveryTerm', label: 'Delivery term', value: f.deliveryTerm.name });
  if (f.paymentTerm) chips.push({ key: 'paymentTerm', label: 'Payment term', value: f.paymentTerm.name });
  if (f.urgency) chips.push({ key: 'urgency', label: 'Urgency', value: 'Urgent' });
  return chips;
}

/**
 * A one-sentence demand ("Need 100 bales Shankar-6 staple 28-30 … 30 days credit") read by the
 * server's deterministic parser; the caller fills its form from the result and lists what is missing.
 */
export function QuickEntryBox({
  onParse,
  initial = '',
  missing,
}: {
  onParse: (sentence: string) => Promise<QuickEntryResult>;
  initial?: string;
  /** Human labels for the mandatory fields still empty (computed by the caller against its form). */
  missing: (result: QuickEntryResult) => { key: string; label: string }[];
}) {
  const id = useId();
  const [sentence, setSentence] = useState(initial);
  const [result, setResult] = useState<QuickEntryResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!sentence.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await onParse(sentence.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const stillMissing = result ? missing(result) : [];
  return (
    <form onSubmit={submit} className="grid gap-3" data-testid="quick-entry">
      <Label htmlFor={id}>Quick entry</Label>
      <textarea
        id={id}
        value={sentence}
        onChange={(e) => setSentence(e.target.value)}
        onKeyDown={(e) => {
          // Enter reads the sentence; Shift+Enter adds a line.
          if (e.key === 'Enter' && !e.shiftKey) void submit(e);
        }}
        maxLength={500}
        rows={2}
        placeholder="Need 100 bales Shankar-6 staple 28-30 mic 3.8-4.5 at 52000 per candy delivered Rajkot, 30 days credit"
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
      />
      <div className="flex items-center gap-3">
        <Button type="submit" loading={busy} disabled={!sentence.trim()}>
          <Sparkles aria-hidden />
          Fill the form
        </Button>
        <span className="text-xs text-slate-500">Nothing is guessed: unclear words are listed, not used.</span>
      </div>
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      {result ? (
        <div className="grid gap-2 text-sm" data-testid="quick-entry-result">
          <div className="flex flex-wrap gap-1.5" data-testid="recognised-fields">
            {recognisedChips(result).map((c) => (
              <Badge key={c.key} tone="success">
                {c.label}: {c.value}
              </Badge>
            ))}
          </div>
          {stillMissing.length ? (
            <Alert tone="info" data-testid="missing-fields">
              Still needed:{' '}
              {stillMissing.map((m, i) => (
                <span key={m.key} data-missing={m.key}>
                  {i ? ', ' : ''}
                  {m.label}
                </span>
              ))}
            </Alert>
          ) : (
            <p className="text-emerald-700" data-testid="nothing-missing">
              Every mandatory field is filled.
            </p>
          )}
          {result.ambiguities.map((a) => (
            <Alert key={`${a.field}-${a.text}`} data-testid="ambiguity">
              “{a.text}” could be {a.candidates.join(' or ')}: choose in the form.
            </Alert>
          ))}
          {result.unrecognised.length ? (
            <p className="text-xs text-slate-500" data-testid="unrecognised">
              Not understood: {result.unrecognised.map((w) => `“${w}”`).join(', ')}
            </p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
