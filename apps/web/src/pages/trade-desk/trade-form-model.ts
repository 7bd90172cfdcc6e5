/**
 * The trade form's state (create and edit), how a quick-entry result or a stored trade fills it,
 * the checks the browser can make before the API does (required fields, ranges inside the
 * commodity's template), and the API input it becomes. Field keys match the API's field-error
 * paths so both land on one field.
 */
import type { RouterInputs, RouterOutputs } from '@kapas/api';
import type { Commodity, Station, TradeMasters } from './masters';

export type QuickEntryResult = RouterOutputs['trades']['parseQuickEntry'];
type StoredTrade = RouterOutputs['trades']['get']['trade'];

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

const DAY_MS = 86_400_000;

/**
 * A stored trade as the form shows it, for editing. The validity the buyer chose is not stored,
 * only its end: a draft's window was set when it was last saved (`updatedAt`), so the difference
 * gives the days back, and saving again restarts that window from now, as creating it did.
 */
export function tradeToDraft(t: StoredTrade): TradeDraft {
  const ranges: Record<string, RangeDraft> = {};
  for (const r of t.qualityRanges) ranges[r.name] = { min: str(r.min), max: str(r.max), preferred: str(r.preferred) };
  const days = Math.round((Date.parse(t.validUntil) - Date.parse(t.updatedAt)) / DAY_MS);
  return {
    commodityId: t.commodityId,
    varietyId: t.varietyId ?? '',
    quantity: plain(t.quantity),
    ranges,
    tradeTypeId: t.tradeTypeId ?? '',
    bargainTypeId: t.bargainTypeId ?? '',
    passingTermId: t.passingTermId ?? '',
    weightmentTermId: t.weightmentTermId ?? '',
    deliveryTermId: t.deliveryTermId ?? '',
    deliveryDays: str(t.deliveryDays),
    paymentTermId: t.paymentTermId ?? '',
    paymentDays: str(t.paymentDays),
    deliveryStationId: t.deliveryStationId ?? '',
    stationOnly: t.stationOnly,
    certificates: [...t.requiredCertificates],
    targetPrice: t.targetPrice ? plain(t.targetPrice) : '',
    urgency: t.urgency === 'URGENT' ? 'URGENT' : 'NORMAL',
    notes: t.notes ?? '',
    validityDays: String(Math.min(90, Math.max(1, Number.isFinite(days) ? days : 7))),
  };
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
const DAY_FIELDS = [
  ['deliveryDays', 0, 365],
  ['paymentDays', 0, 365],
  ['validityDays', 1, 90],
] as const;

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
  // The same bounds as the API's schema, said in words.
  for (const [key, lo, hi] of DAY_FIELDS) {
    const v = draft[key];
    if (v !== '' && (!/^\d{1,3}$/.test(v) || Number(v) < lo || Number(v) > hi)) errors[key] = `Whole days from ${lo} to ${hi}`;
  }
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
type UpdateTradeInput = RouterInputs['trades']['update'];
/** Every field but the branch, each named: `trades.update` replaces the whole trade and requires them. */
type TradeFieldsInput = Omit<UpdateTradeInput, 'id' | 'version' | 'branchId'>;

const orNull = (s: string) => (s ? s : null);
const intOrNull = (s: string) => (s === '' ? null : Number.parseInt(s, 10));

export function draftToInput(
  draft: TradeDraft,
  commodity: Commodity | undefined,
  stations: Station[],
  post: boolean,
): CreateTradeInput {
  return { ...draftFields(draft, commodity, stations), post };
}

/**
 * The update input: the whole form plus the version the edit started from (optimistic
 * concurrency), and the trade's own branch, which the API would otherwise reset to the default.
 */
export function draftToUpdateInput(
  draft: TradeDraft,
  commodity: Commodity | undefined,
  stations: Station[],
  trade: { id: string; version: number; branchId: string | null },
): UpdateTradeInput {
  return { ...draftFields(draft, commodity, stations), id: trade.id, version: trade.version, branchId: trade.branchId };
}

function draftFields(draft: TradeDraft, commodity: Commodity | undefined, stations: Station[]): TradeFieldsInput {
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
  };
}
