import { Alert, Checkbox, FieldError, FormField, Input, Label, Select } from '@kapas/ui';
import type { Commodity, MasterItem, TradeMasters } from './masters';
import { numericTemplate, type RangeDraft, type TradeDraft } from './trade-form-model';

type Props = {
  draft: TradeDraft;
  onChange: (patch: Partial<TradeDraft>) => void;
  masters: TradeMasters;
  commodity: Commodity | undefined;
  errors: Record<string, string>;
};

function ItemSelect({
  id,
  items,
  value,
  onChange,
  placeholder = 'Choose…',
}: {
  id: string;
  items: MasterItem[];
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
}) {
  return (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder}</option>
      {items.map((i) => (
        <option key={i.id} value={i.id}>
          {i.name}
        </option>
      ))}
    </Select>
  );
}

/** Every field of a trade (DOMAIN §6.1): quality ranges from the commodity template, terms from masters. */
export function TradeForm({ draft, onChange, masters, commodity, errors }: Props) {
  const { items } = masters;
  const setRange = (name: string, patch: Partial<RangeDraft>) =>
    onChange({ ranges: { ...draft.ranges, [name]: { min: '', max: '', preferred: '', ...draft.ranges[name], ...patch } } });
  const varieties = items.VARIETY.filter((v) => !v.commodityId || v.commodityId === draft.commodityId);

  return (
    <div className="grid gap-6">
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">What</legend>
        <FormField label="Commodity" error={errors.commodityId}>
          <Select id="commodityId" value={draft.commodityId} onChange={(e) => onChange({ commodityId: e.target.value })}>
            <option value="">Choose…</option>
            {masters.commodities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Variety" error={errors.varietyId}>
          <ItemSelect
            id="varietyId"
            items={varieties}
            value={draft.varietyId}
            onChange={(v) => onChange({ varietyId: v })}
            placeholder="Any"
          />
        </FormField>
        <FormField label="Quantity (bales)" error={errors.quantity}>
          <Input
            id="quantity"
            inputMode="decimal"
            value={draft.quantity}
            onChange={(e) => onChange({ quantity: e.target.value })}
          />
        </FormField>
      </fieldset>

      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Quality ranges</legend>
        {!commodity ? (
          <p className="text-sm text-slate-500">Choose a commodity to see its quality parameters.</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Quality ranges">
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th className="py-1.5 font-medium">Parameter</th>
                <th className="py-1.5 font-medium">Allowed</th>
                <th className="py-1.5 font-medium">Min</th>
                <th className="py-1.5 font-medium">Max</th>
                <th className="py-1.5 font-medium">Preferred</th>
              </tr>
            </thead>
            <tbody>
              {numericTemplate(commodity).map((p) => {
                const r = draft.ranges[p.name] ?? { min: '', max: '', preferred: '' };
                const err = errors[`range.${p.name}.min`] ?? errors[`range.${p.name}.max`] ?? errors[`range.${p.name}`];
                const errPref = errors[`range.${p.name}.preferred`];
                return (
                  <tr key={p.name} className="align-top" data-testid={`range-${p.name}`}>
                    <td className="py-1.5 pr-3">
                      <span className="font-medium text-slate-900">{p.label}</span>
                      {p.mandatory ? <span className="ml-1 text-xs text-red-600">required</span> : null}
                    </td>
                    <td className="py-1.5 pr-3 text-xs text-slate-500 tabular-nums">
                      {p.min}–{p.max} {p.unit}
                    </td>
                    <td className="py-1.5 pr-2">
                      <Input
                        id={`range-${p.name}-min`}
                        aria-label={`${p.label} minimum`}
                        inputMode="decimal"
                        step={p.step ?? undefined}
                        value={r.min}
                        aria-invalid={err ? true : undefined}
                        onChange={(e) => setRange(p.name, { min: e.target.value })}
                      />
                      <FieldError message={err} />
                    </td>
                    <td className="py-1.5 pr-2">
                      <Input
                        id={`range-${p.name}-max`}
                        aria-label={`${p.label} maximum`}
                        inputMode="decimal"
                        value={r.max}
                        aria-invalid={err ? true : undefined}
                        onChange={(e) => setRange(p.name, { max: e.target.value })}
                      />
                    </td>
                    <td className="py-1.5">
                      <Input
                        id={`range-${p.name}-preferred`}
                        aria-label={`${p.label} preferred`}
                        inputMode="decimal"
                        value={r.preferred}
                        aria-invalid={errPref ? true : undefined}
                        onChange={(e) => setRange(p.name, { preferred: e.target.value })}
                      />
                      <FieldError message={errPref} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Terms</legend>
        <FormField label="Trade type" error={errors.tradeTypeId}>
          <ItemSelect
            id="tradeTypeId"
            items={items.TRADE_TYPE}
            value={draft.tradeTypeId}
            onChange={(v) => onChange({ tradeTypeId: v })}
          />
        </FormField>
        <FormField label="Bargain type" error={errors.bargainTypeId}>
          <ItemSelect
            id="bargainTypeId"
            items={items.BARGAIN_TYPE}
            value={draft.bargainTypeId}
            onChange={(v) => onChange({ bargainTypeId: v })}
          />
        </FormField>
        <FormField label="Passing" error={errors.passingTermId}>
          <ItemSelect
            id="passingTermId"
            items={items.PASSING_TERM}
            value={draft.passingTermId}
            onChange={(v) => onChange({ passingTermId: v })}
          />
        </FormField>
        <FormField label="Weightment" error={errors.weightmentTermId}>
          <ItemSelect
            id="weightmentTermId"
            items={items.WEIGHTMENT_TERM}
            value={draft.weightmentTermId}
            onChange={(v) => onChange({ weightmentTermId: v })}
          />
        </FormField>
        <FormField label="Delivery term" error={errors.deliveryTermId}>
          <ItemSelect
            id="deliveryTermId"
            items={items.DELIVERY_TERM}
            value={draft.deliveryTermId}
            onChange={(v) =>
              onChange({
                deliveryTermId: v,
                deliveryDays: String(items.DELIVERY_TERM.find((t) => t.id === v)?.days ?? draft.deliveryDays),
              })
            }
          />
        </FormField>
        <FormField label="Delivery days" error={errors.deliveryDays}>
          <Input
            id="deliveryDays"
            inputMode="numeric"
            value={draft.deliveryDays}
            onChange={(e) => onChange({ deliveryDays: e.target.value })}
          />
        </FormField>
        <FormField label="Payment term" error={errors.paymentTermId}>
          <ItemSelect
            id="paymentTermId"
            items={items.PAYMENT_TERM}
            value={draft.paymentTermId}
            onChange={(v) =>
              onChange({
                paymentTermId: v,
                paymentDays: String(items.PAYMENT_TERM.find((t) => t.id === v)?.days ?? draft.paymentDays),
              })
            }
          />
        </FormField>
        <FormField label="Payment days" error={errors.paymentDays}>
          <Input
            id="paymentDays"
            inputMode="numeric"
            value={draft.paymentDays}
            onChange={(e) => onChange({ paymentDays: e.target.value })}
          />
        </FormField>
        <FormField label="Target price (₹ per candy)" error={errors.targetPrice} hint="Optional; offers are scored against it.">
          <Input
            id="targetPrice"
            inputMode="decimal"
            value={draft.targetPrice}
            onChange={(e) => onChange({ targetPrice: e.target.value })}
          />
        </FormField>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Delivery and validity</legend>
        <FormField label="Delivery station" error={errors.deliveryStationId ?? errors.deliveryStateId}>
          <Select
            id="deliveryStationId"
            value={draft.deliveryStationId}
            onChange={(e) => onChange({ deliveryStationId: e.target.value })}
          >
            <option value="">Choose…</option>
            {masters.locations.map((state) => (
              <optgroup key={state.id} label={state.name}>
                {state.regions.flatMap((region) =>
                  region.stations.map((st) => (
                    <option key={st.id} value={st.id}>
                      {st.name} ({region.name})
                    </option>
                  )),
                )}
              </optgroup>
            ))}
          </Select>
        </FormField>
        <div className="flex items-center gap-2 pt-6">
          <Checkbox id="stationOnly" checked={draft.stationOnly} onChange={(e) => onChange({ stationOnly: e.target.checked })} />
          <Label htmlFor="stationOnly">This station only</Label>
        </div>
        <FormField label="Valid for (days)" error={errors.validityDays}>
          <Input
            id="validityDays"
            inputMode="numeric"
            value={draft.validityDays}
            onChange={(e) => onChange({ validityDays: e.target.value })}
          />
        </FormField>
        <div className="flex items-center gap-2">
          <Checkbox
            id="urgent"
            checked={draft.urgency === 'URGENT'}
            onChange={(e) => onChange({ urgency: e.target.checked ? 'URGENT' : 'NORMAL' })}
          />
          <Label htmlFor="urgent">Urgent</Label>
        </div>
      </fieldset>

      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Required certificates</legend>
        <div className="flex flex-wrap gap-4">
          {items.CERTIFICATE_TYPE.length === 0 ? <span className="text-sm text-slate-500">None defined</span> : null}
          {items.CERTIFICATE_TYPE.map((c) => (
            <span key={c.id} className="flex items-center gap-2">
              <Checkbox
                id={`cert-${c.code}`}
                checked={draft.certificates.includes(c.code)}
                onChange={(e) =>
                  onChange({
                    certificates: e.target.checked
                      ? [...draft.certificates, c.code]
                      : draft.certificates.filter((x) => x !== c.code),
                  })
                }
              />
              <Label htmlFor={`cert-${c.code}`}>{c.name}</Label>
            </span>
          ))}
        </div>
        <FieldError message={errors.requiredCertificates} />
      </fieldset>

      <FormField label="Notes" error={errors.notes}>
        <textarea
          id="notes"
          rows={2}
          maxLength={2000}
          value={draft.notes}
          onChange={(e) => onChange({ notes: e.target.value })}
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm"
        />
      </FormField>
    </div>
  );
}

/** One line under the form saying how many fields need attention (each carries its own message). */
export function FormErrorSummary({ errors }: { errors: Record<string, string> }) {
  const n = Object.keys(errors).length;
  if (n === 0) return null;
  return (
    <Alert className="mt-4" data-testid="form-errors">
      Please correct the {n === 1 ? 'field' : `${n} fields`} marked above.
    </Alert>
  );
}
