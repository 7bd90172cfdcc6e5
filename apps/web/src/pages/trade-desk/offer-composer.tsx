import {
  Alert,
  Button,
  Card,
  contractValue,
  ErrorState,
  errorCode,
  errorMessage,
  FieldError,
  FormField,
  firstFieldErrors,
  formatBales,
  formatInr,
  Input,
  LoadingState,
  LotQuantityBar,
  PageHeader,
  Select,
  TradeTerms,
  toast,
  trpc,
} from '@kapas/ui';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { Send } from 'lucide-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTradeMasters } from './masters';
import { numericTemplate } from './trade-form-model';

const PRICE = /^\d{1,12}(\.\d{1,2})?$/;
const QTY = /^\d{1,10}(\.\d{1,3})?$/;

/** A seller's offer on one trade, from a tested lot (its measured values) or entered by hand. */
export function OfferComposerPage() {
  const { id } = useParams({ from: '/app/trade-desk/trades/$id/offer' });
  const search = useSearch({ from: '/app/trade-desk/trades/$id/offer' });
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const masters = useTradeMasters();
  const trade = trpc.trades.get.useQuery({ id });
  const lots = trpc.lots.mine.useQuery(
    { page: 1, pageSize: 100, status: ['ACTIVE'], ...(trade.data ? { commodityId: trade.data.trade.commodityId } : {}) },
    { enabled: Boolean(trade.data) },
  );
  const [lotId, setLotId] = useState(search.lotId ?? '');
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('');
  const [stationId, setStationId] = useState('');
  const [deliveryTermId, setDeliveryTermId] = useState('');
  const [paymentTermId, setPaymentTermId] = useState('');
  const [hours, setHours] = useState('48');
  const [message, setMessage] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // One key per offer being composed; a retry after a network failure reuses it.
  const key = useRef(crypto.randomUUID());
  const submit = trpc.offers.submit.useMutation();

  if (trade.isPending || masters.isPending) return <LoadingState />;
  if (trade.isError) return <ErrorState error={trade.error} onRetry={() => void trade.refetch()} />;
  const t = trade.data.trade;
  const commodity = masters.commodities.find((c) => c.id === t.commodityId);
  const lot = lots.data?.items.find((l) => l.id === lotId);
  const limit = lot && Number(lot.available) < Number(t.remaining) ? lot.available : t.remaining;
  const value = contractValue(quantity, price);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const next: Record<string, string> = {};
    if (!PRICE.test(price) || Number(price) <= 0) next.price = 'Price in ₹ per candy, above zero, at most 2 decimals';
    if (!QTY.test(quantity) || Number(quantity) <= 0) next.quantity = 'Bales above zero, at most 3 decimals';
    else if (Number(quantity) > Number(limit))
      next.quantity = `At most ${formatBales(limit)} (${lot ? 'the lot’s availability or ' : ''}what is still open on the trade)`;
    const h = Number.parseInt(hours, 10);
    if (!Number.isInteger(h) || h < 1 || h > 720) next.validityHours = 'Between 1 and 720 hours';
    const parameters: Record<string, number> = {};
    if (!lot) {
      for (const p of numericTemplate(commodity)) {
        const raw = values[p.name] ?? '';
        if (raw === '') continue;
        const n = Number(raw);
        if (!Number.isFinite(n)) next[`parameters.${p.name}`] = 'Enter a number';
        else if ((p.min !== null && n < p.min) || (p.max !== null && n > p.max))
          next[`parameters.${p.name}`] = `Must lie within ${p.min}–${p.max}`;
        else parameters[p.name] = n;
      }
    }
    setErrors(next);
    if (Object.keys(next).length) return;
    submit.mutate(
      {
        tradeId: t.id,
        lotId: lot ? lot.id : null,
        price,
        quantity,
        ...(lot ? {} : { parameters }),
        stationId: lot ? lot.stationId : stationId || null,
        deliveryTermId: deliveryTermId || t.deliveryTermId || null,
        paymentTermId: paymentTermId || t.paymentTermId || null,
        validityHours: h,
        message: message.trim() || null,
        idempotencyKey: key.current,
      },
      {
        onSuccess: (offer) => {
          toast.success(`Offer ${offer.number} sent`);
          void utils.offers.invalidate();
          void utils.lots.invalidate();
          void navigate({ to: '/trade-desk/offers/$id', params: { id: offer.id } });
        },
        onError: (error) => {
          const fields = firstFieldErrors(error);
          setErrors(fields);
          // The server answered (nothing was stored): the next attempt is a new action. Without an answer, keep the key.
          if (errorCode(error) !== null) key.current = crypto.randomUUID();
          setFormError(Object.keys(fields).length ? null : errorMessage(error));
        },
      },
    );
  };

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={`Offer on ${t.number}`}
        description="Quote in ₹ per candy for bales; the buyer sees your score against their demand."
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <Card className="p-5">
          <TradeTerms trade={t} nameOf={masters.nameOf} />
        </Card>
        <Card className="p-5">
          <form onSubmit={onSubmit} className="grid gap-4" noValidate aria-label="Offer">
            <FormField
              label="From tested lot"
              error={errors.lotId}
              hint={lots.data?.items.length ? undefined : 'No active lot of this commodity; enter the quality by hand.'}
            >
              <Select id="lotId" value={lotId} onChange={(e) => setLotId(e.target.value)}>
                <option value="">No lot (enter quality by hand)</option>
                {(lots.data?.items ?? []).map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.number} · {formatBales(l.available)} available
                  </option>
                ))}
              </Select>
            </FormField>
            {lot ? <LotQuantityBar available={lot.available} reserved={lot.reserved} sold={lot.sold} /> : null}
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label="Price (₹ per candy)" error={errors.price}>
                <Input id="price" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
              </FormField>
              <FormField label="Quantity (bales)" error={errors.quantity} hint={`Up to ${formatBales(limit)}`}>
                <Input id="quantity" inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
              </FormField>
            </div>
            <p className="text-sm text-slate-600 tabular-nums" data-testid="offer-value">
              {value ? `Contract value at these terms: ${formatInr(value)}` : 'Enter price and quantity to see the value.'}
            </p>
            {!lot ? (
              <fieldset className="grid gap-3 sm:grid-cols-3">
                <legend className="mb-1 text-sm font-semibold text-slate-900">Measured quality</legend>
                {numericTemplate(commodity).map((p) => (
                  <FormField key={p.name} label={`${p.label} (${p.min}–${p.max})`} error={errors[`parameters.${p.name}`]}>
                    <Input
                      inputMode="decimal"
                      value={values[p.name] ?? ''}
                      onChange={(e) => setValues((v) => ({ ...v, [p.name]: e.target.value }))}
                    />
                  </FormField>
                ))}
                <FormField label="Dispatch station" error={errors.stationId}>
                  <Select value={stationId} onChange={(e) => setStationId(e.target.value)}>
                    <option value="">Choose…</option>
                    {masters.stations.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name} ({s.stateName})
                      </option>
                    ))}
                  </Select>
                </FormField>
              </fieldset>
            ) : null}
            <div className="grid gap-4 sm:grid-cols-3">
              <FormField label="Delivery term" error={errors.deliveryTermId} hint="Defaults to the buyer's">
                <Select value={deliveryTermId} onChange={(e) => setDeliveryTermId(e.target.value)}>
                  <option value="">As the buyer asks</option>
                  {masters.items.DELIVERY_TERM.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label="Payment term" error={errors.paymentTermId} hint="Defaults to the buyer's">
                <Select value={paymentTermId} onChange={(e) => setPaymentTermId(e.target.value)}>
                  <option value="">As the buyer asks</option>
                  {masters.items.PAYMENT_TERM.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label="Valid for (hours)" error={errors.validityHours}>
                <Input inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} />
              </FormField>
            </div>
            <FormField label="Message to the buyer" error={errors.message}>
              <Input maxLength={1000} value={message} onChange={(e) => setMessage(e.target.value)} />
            </FormField>
            <FieldError message={errors.parameters} />
            {formError ? <Alert>{formError}</Alert> : null}
            <div className="flex justify-end">
              <Button type="submit" loading={submit.isPending}>
                <Send aria-hidden />
                Send offer
              </Button>
            </div>
          </form>
        </Card>
      </div>
    </div>
  );
}
