/**
 * The create-trade form's state, how a quick-entry result fills it, the checks the browser can
 * make before the API does (required fields, ranges inside the commodity's template), and the
 * API input it becomes. Field keys match the API's field-error paths so both land on one field.
 */
import type { RouterInputs, RouterOutputs } from '@kapas/api';
import type { Commodity, Station, TradeMasters } from './masters';

export type QuickEntryResult = RouterOutputs['trades']['parseQuickEntry'];

export type RangeDraft = { min: string; max: string; preferred: string };
export type TradeDraft = {
  commodityId: string;
  varietyId: string;
  quantity: string;
  ranges: Record<string, RangeDraft>;
  tradeTypeId: string;
  bargainTypeId: string;
  passingTermId: string;
  weightmentTermId: string;
  deliveryTermId: string;
  deliveryDays: string;
  paymentTermId: string;
  paymentDays: string;
  deliveryStationId: string;
  stationOnly: boolean;
  certificates: string[];
  targetPrice: string;
  urgency: 'NORMAL' | 'URGENT';
  notes: string;
  validityDays: string;
};

export const EMPTY_DRAFT: TradeDraft = {
  commodityId: '',
  varietyId: '',
  quantity: '',
  ranges: {},
  tradeTypeId: '',
  bargainTypeId: '',
  passingTermId: '',
  weightmentTermId: '',
  deliveryTermId: '',
  deliveryDays: '',
  paymentTermId: '',
  paymentDays: '',
  deliveryStationId: '',
  stationOnly: false,
  certificates: [],
  targetPrice: '',
  urgency: 'NORMAL',
  notes: '',
  validityDays: '7',
};

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
/** "100.000" → "100", "52000.50" → "52000.5": the parser pads decimals; the form shows what was typed. */
const plain = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** The quick-entry result layered over the current draft: recognised fields win, the rest stays. */
export function applyQuickEntry(draft: TradeDraft, result: QuickEntryResult, masters: TradeMasters): TradeDraft {
  const f = result.fields;
  const next: TradeDraft = { ...draft, ranges: { ...draft.ranges } };
  if (f.commodity) next.commodityId = f.commodity.id;
  if (f.variety) next.varietyId = f.variety.id;
  if (f.quantity) next.quantity = plain(f.quantity);
  if (f.targetPrice) next.targetPrice = plain(f.targetPrice);
  if (f.station) next.deliveryStationId = f.station.id;
  if (f.deliveryTerm) {
    next.deliveryTermId = f.deliveryTerm.id;
    next.deliveryDays = str(masters.items.DELIVERY_TERM.find((t) => t.id === f.deliveryTerm?.id)?.days) || next.deliveryDays;
  }
  if (f.paymentTerm) {
    next.paymentTermId = f.paymentTerm.id;
    next.paymentDays = str(masters.items.PAYMENT_TERM.find((t) => t.id === f.paymentTerm?.id)?.days) || next.paymentDays;
  }
  if (f.urgency === 'URGENT') next.urgency = 'URGENT';
  // The parser names certificate types by code (what a trade stores), not by row id.
  const codes = f.certificates.map(
    (c) => masters.items.CERTIFICATE_TYPE.find((t) => t.code === c.id || t.id === c.id)?.code ?? c.id,
  );
  next.certificates = [...new Set([...next.certificates, ...codes])];
  for (const [name, range] of Object.entries(f.parameters)) {
    const before = next.ranges[name] ?? { min: '', max: '', preferred: '' };
    next.ranges[name] = {
      min: range.min === undefined ? before.min : str(range.min),
      max: range.max === undefined ? before.max : str(range.max),
      preferred: before.preferred,
    };
  }
  return next;
}

/** Human names for the parser's missing-field keys ("parameter:staple_length" → the template label). */
export function missingLabel(key: string, commodity: Commodity | undefined): string {
  if (key.startsWith('parameter:')) {
    const name = key.slice('parameter:'.length);
    return commodity?.qualityTemplate.find((p) => p.name === name)?.label ?? name.replace(/_/g, ' ');
  }
  const labels: Record<string, string> = {
    commodity: 'Commodity',
    variety: 'Variety',
    quantity: 'Quantity',
    deliveryLocation: 'Delivery station',
    deliveryTerm: 'Delivery term',
    paymentTerm: 'Payment term',
  };
  return labels[key] ?? key;
}

/** The draft field a missing-field key points at (for focusing it). */
export function missingFieldId(key: string): string {
  if (key.startsWith('parameter:')) return `range-${key.slice('parameter:'.length)}-min`;
  const ids: Record<string, string> = {
    commodity: 'commodityId',
    variety: 'varietyId',
    deliveryLocation: 'deliveryStationId',
    deliveryTerm: 'deliveryTermId',
    paymentTerm: 'paymentTermId',
  };
  return ids[key] ?? key;
}

/**
 * The API numbers range errors by position in the submitted `qualityRanges`; the form keys them
 * by parameter name (`range.staple_length.min`) so they stay on the right row.
 */
export function apiErrorsToDraft(
  errors: Record<string, string>,
  input: { qualityRanges?: { name: string }[] },
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const m = /^qualityRanges\.(\d+)(?:\.(\w+))?$/.exec(path);
    const name = m ? input.qualityRanges?.[Number(m[1])]?.name : undefined;
    out[m && name ? `range.${name}.${m[2] ?? 'min'}` : path] = message;
  }
  return out;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** Problems the browser can see before sending, keyed like the API's field errors. */
export function draftErrors(draft: TradeDraft, commodity: Commodity | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.commodityId) errors.commodityId = 'Choose a commodity';
  if (!draft.quantity) errors.quantity = 'Enter the quantity in bales';
  else if (!/^\d{1,10}(\.\d{1,3})?$/.test(draft.quantity) || Number(draft.quantity) <= 0)
    errors.quantity = 'Quantity is a number of bales above zero, at most 3 decimals';
  if (draft.targetPrice && (!/^\d{1,12}(\.\d{1,2})?$/.test(draft.targetPrice) || Number(draft.targetPrice) <= 0))
    errors.targetPrice = 'Price is an amount in INR per candy, at most 2 decimals';
  if (!draft.deliveryStationId) errors.deliveryStationId = 'Choose the delivery station';
  if (!draft.deliveryTermId) errors.deliveryTermId = 'Choose a delivery term';
  if (!draft.paymentTermId) errors.paymentTermId = 'Choose a payment term';
  const template = commodity?.qualityTemplate.filter((p) => p.kind === 'numeric') ?? [];
  for (const p of template) {
    const r = draft.ranges[p.name];
    const path = `range.${p.name}`;
    const filled = r && (r.min !== '' || r.max !== '');
    if (!filled) {
      if (p.mandatory) errors[`${path}.min`] = `${p.label} is required`;
      continue;
    }
    if (!DECIMAL.test(r.min) || !DECIMAL.test(r.max)) {
      errors[`${path}.min`] = 'Enter both a minimum and a maximum';
      continue;
    }
    const [lo, hi] = [Number(r.min), Number(r.max)];
    if (lo > hi) errors[`${path}.min`] = 'Minimum is above maximum';
    else if ((p.min !== null && lo < p.min) || (p.max !== null && hi > p.max))
      errors[`${path}.min`] = `Must lie within ${p.min ?? '…'}–${p.max ?? '…'} ${p.unit}`.trim();
    if (r.preferred !== '' && (!DECIMAL.test(r.preferred) || Number(r.preferred) < lo || Number(r.preferred) > hi))
      errors[`${path}.preferred`] = 'Preferred value must lie inside the range';
  }
  return errors;
}

/** The numeric template parameters, in the order their field errors are numbered. */
export function numericTemplate(commodity: Commodity | undefined) {
  return commodity?.qualityTemplate.filter((p) => p.kind === 'numeric') ?? [];
}

type CreateTradeInput = RouterInputs['trades']['create'];

const orNull = (s: string) => (s ? s : null);
const intOrNull = (s: string) => (s === '' ? null : Number.parseInt(s, 10));

export function draftToInput(
  draft: TradeDraft,
  commodity: Commodity | undefined,
  stations: Station[],
  post: boolean,
): CreateTradeInput {
  const station = stations.find((s) => s.id === draft.deliveryStationId);
  const qualityRanges = numericTemplate(commodity)
    .map((p) => ({ p, r: draft.ranges[p.name] }))
    .filter(({ r }) => r && r.min !== '' && r.max !== '')
    .map(({ p, r }) => ({
      name: p.name,
      min: Number(r?.min),
      max: Number(r?.max),
      preferred: r?.preferred ? Number(r.preferred) : null,
    }));
  return {
    commodityId: draft.commodityId,
    varietyId: orNull(draft.varietyId),
    quantity: draft.quantity,
    qualityRanges,
    tradeTypeId: orNull(draft.tradeTypeId),
    bargainTypeId: orNull(draft.bargainTypeId),
    passingTermId: orNull(draft.passingTermId),
    weightmentTermId: orNull(draft.weightmentTermId),
    deliveryTermId: orNull(draft.deliveryTermId),
    deliveryDays: intOrNull(draft.deliveryDays),
    paymentTermId: orNull(draft.paymentTermId),
    paymentDays: intOrNull(draft.paymentDays),
    deliveryStateId: station?.stateId ?? null,
    deliveryRegionId: station?.regionId ?? null,
    deliveryStationId: orNull(draft.deliveryStationId),
    stationOnly: draft.stationOnly,
    requiredCertificates: draft.certificates,
    targetPrice: orNull(draft.targetPrice),
    urgency: draft.urgency,
    notes: orNull(draft.notes.trim()),
    validityDays: intOrNull(draft.validityDays),
    post,
  };
}
