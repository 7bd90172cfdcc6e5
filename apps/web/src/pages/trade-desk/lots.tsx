import type { RouterOutputs } from '@kapas/api';
import {
  Alert,
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  errorMessage,
  FormField,
  firstFieldErrors,
  formatBales,
  formatDate,
  formatPricePerCandy,
  Input,
  LoadingState,
  LotQuantityBar,
  PageHeader,
  Select,
  StateBadge,
  toast,
  trpc,
} from '@kapas/ui';
import { FlaskConical } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { uploadDocumentFile } from '../../lib/document-upload';
import { type TradeMasters, useTradeMasters } from './masters';
import { numericTemplate } from './trade-form-model';

type Lot = RouterOutputs['lots']['mine']['items'][number];

export function LotsPage() {
  const masters = useTradeMasters();
  const lots = trpc.lots.mine.useQuery({ page: 1, pageSize: 50 });
  if (masters.isPending) return <LoadingState />;
  if (masters.error) return <ErrorState error={masters.error} onRetry={masters.refetch} />;
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Tested lots"
        description="Publish lab-tested inventory; matching buyers are told, and you can offer from a lot in one step."
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <Card className="p-5">
          <PublishLot masters={masters} />
        </Card>
        <Card>
          <h2 className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">My lots</h2>
          {lots.isPending ? (
            <LoadingState />
          ) : lots.isError ? (
            <ErrorState error={lots.error} onRetry={() => void lots.refetch()} />
          ) : lots.data.items.length === 0 ? (
            <EmptyState title="No lots yet" description="Publish your first tested lot with the form." />
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="My lots" data-testid="my-lots">
              {lots.data.items.map((l) => (
                <LotRow key={l.id} lot={l} masters={masters} />
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}

function LotRow({ lot, masters }: { lot: Lot; masters: TradeMasters }) {
  const [confirm, setConfirm] = useState(false);
  const utils = trpc.useUtils();
  const withdraw = trpc.lots.withdraw.useMutation({
    onSuccess: () => {
      toast.success(`Lot ${lot.number} withdrawn`);
      setConfirm(false);
      void utils.lots.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <li className="grid gap-2 px-4 py-3" data-testid={`lot-${lot.number}`}>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-medium text-slate-900">{lot.number}</span>
        <span className="text-slate-600">
          {masters.nameOf(lot.commodityId)} {lot.varietyId ? `· ${masters.nameOf(lot.varietyId)}` : ''} ·{' '}
          {masters.nameOf(lot.stationId)}
        </span>
        {lot.askingPrice ? <span className="text-slate-600">asking {formatPricePerCandy(lot.askingPrice)}</span> : null}
        <span className="ml-auto">
          <StateBadge state={lot.status} />
        </span>
      </div>
      <LotQuantityBar available={lot.available} reserved={lot.reserved} sold={lot.sold} />
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-500">
        <span>
          {formatBales(lot.quantity)} tested by {lot.lab} on {formatDate(lot.testedOn)}
        </span>
        <span>
          {Object.entries(lot.parameters)
            .map(([k, v]) => `${k.replace(/_/g, ' ')} ${v}`)
            .join(' · ')}
        </span>
        {lot.status === 'ACTIVE' ? (
          <Button size="sm" variant="ghost" className="ml-auto" onClick={() => setConfirm(true)}>
            Withdraw
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={`Withdraw lot ${lot.number}?`}
        description="It stops matching new trades. Offers already made from it are not affected."
        confirmLabel="Withdraw lot"
        pending={withdraw.isPending}
        onConfirm={() => withdraw.mutate({ id: lot.id, version: lot.version })}
      />
    </li>
  );
}

const QTY = /^\d{1,10}(\.\d{1,3})?$/;
const PRICE = /^\d{1,12}(\.\d{1,2})?$/;

function PublishLot({ masters }: { masters: TradeMasters }) {
  const utils = trpc.useUtils();
  const publish = trpc.lots.publish.useMutation();
  const createUpload = trpc.documents.createUpload.useMutation();
  const [commodityId, setCommodityId] = useState(masters.commodities[0]?.id ?? '');
  const [varietyId, setVarietyId] = useState('');
  const [stationId, setStationId] = useState('');
  const [quantity, setQuantity] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [lab, setLab] = useState('');
  const [testedOn, setTestedOn] = useState(new Date().toISOString().slice(0, 10));
  const [askingPrice, setAskingPrice] = useState('');
  const [validityDays, setValidityDays] = useState('30');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Bumped after each publish so the (uncontrolled) file input starts empty again.
  const [fileKey, setFileKey] = useState(0);
  const commodity = masters.commodities.find((c) => c.id === commodityId);
  const template = numericTemplate(commodity);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const next: Record<string, string> = {};
    if (!commodityId) next.commodityId = 'Choose a commodity';
    if (!stationId) next.stationId = 'Choose the station where the lot lies';
    if (!QTY.test(quantity) || Number(quantity) <= 0) next.quantity = 'Bales above zero, at most 3 decimals';
    if (lab.trim().length < 2) next.lab = 'Name the testing lab';
    if (askingPrice && (!PRICE.test(askingPrice) || Number(askingPrice) <= 0))
      next.askingPrice = 'Price in ₹ per candy, at most 2 decimals';
    const parameters: Record<string, number> = {};
    for (const p of template) {
      const raw = values[p.name] ?? '';
      if (raw === '') {
        if (p.mandatory) next[`parameters.${p.name}`] = `${p.label} is required`;
        continue;
      }
      const n = Number(raw);
      if (!Number.isFinite(n)) next[`parameters.${p.name}`] = 'Enter a number';
      else if ((p.min !== null && n < p.min) || (p.max !== null && n > p.max))
        next[`parameters.${p.name}`] = `Must lie within ${p.min}–${p.max} ${p.unit}`.trim();
      else parameters[p.name] = n;
    }
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const lot = await publish.mutateAsync({
        commodityId,
        varietyId: varietyId || null,
        stationId,
        quantity,
        parameters,
        lab: lab.trim(),
        testedOn,
        askingPrice: askingPrice || null,
        validityDays: Number.parseInt(validityDays, 10) || 30,
      });
      if (file) {
        try {
          await uploadDocumentFile(
            () => createUpload.mutateAsync({ ownerType: 'LOT', ownerId: lot.id, kind: 'LAB_REPORT' }),
            file,
          );
        } catch (error) {
          toast.error(`Lot published, but the lab report did not upload: ${errorMessage(error)}`);
        }
      }
      toast.success(`Lot ${lot.number} published`);
      setQuantity('');
      setValues({});
      setFile(null);
      setFileKey((k) => k + 1);
      void utils.lots.invalidate();
    } catch (error) {
      const fields = firstFieldErrors(error);
      setErrors(fields);
      setFormError(Object.keys(fields).length ? null : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Publish a tested lot">
      <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <FlaskConical className="size-4" aria-hidden /> Publish a tested lot
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Commodity" error={errors.commodityId}>
          <Select value={commodityId} onChange={(e) => setCommodityId(e.target.value)}>
            <option value="">Choose…</option>
            {masters.commodities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Variety" error={errors.varietyId}>
          <Select value={varietyId} onChange={(e) => setVarietyId(e.target.value)}>
            <option value="">—</option>
            {masters.items.VARIETY.filter((v) => !v.commodityId || v.commodityId === commodityId).map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Station" error={errors.stationId}>
          <Select value={stationId} onChange={(e) => setStationId(e.target.value)}>
            <option value="">Choose…</option>
            {masters.stations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.stateName})
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Lot quantity (bales)" error={errors.quantity}>
          <Input inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </FormField>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-semibold text-slate-900">Measured values</legend>
        {template.map((p) => (
          <FormField
            key={p.name}
            label={`${p.label}`}
            hint={`${p.min}–${p.max} ${p.unit}`.trim()}
            error={errors[`parameters.${p.name}`]}
          >
            <Input
              aria-label={`Measured ${p.label}`}
              inputMode="decimal"
              value={values[p.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [p.name]: e.target.value }))}
            />
          </FormField>
        ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Testing lab" error={errors.lab}>
          <Input maxLength={120} value={lab} onChange={(e) => setLab(e.target.value)} />
        </FormField>
        <FormField label="Tested on" error={errors.testedOn}>
          <Input type="date" value={testedOn} onChange={(e) => setTestedOn(e.target.value)} />
        </FormField>
        <FormField label="Asking price (₹ per candy)" error={errors.askingPrice} hint="Optional">
          <Input inputMode="decimal" value={askingPrice} onChange={(e) => setAskingPrice(e.target.value)} />
        </FormField>
        <FormField label="Valid for (days)" error={errors.validityDays}>
          <Input inputMode="numeric" value={validityDays} onChange={(e) => setValidityDays(e.target.value)} />
        </FormField>
      </div>
      <FormField label="Lab report (PDF or image, optional)" error={errors.reportDocumentId}>
        <Input
          key={fileKey}
          type="file"
          accept="application/pdf,image/png,image/jpeg"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </FormField>
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" loading={busy}>
          Publish lot
        </Button>
      </div>
    </form>
  );
}
