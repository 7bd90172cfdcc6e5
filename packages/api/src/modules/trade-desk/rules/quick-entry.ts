/**
 * Quick entry, DOMAIN §6.1: turns "Need 500 bales organic Shankar-6 staple 28-30 mic 3.8-4.5 at
 * 52000 per candy delivered Rajkot, 30 days credit" into draft-trade fields using only the
 * masters passed in. Deterministic and never guessing: a phrase matching several master items
 * is reported as an ambiguity (and its field stays empty), a word matching nothing is reported
 * as unrecognised, and mandatory fields not found are listed as missing.
 */
import { money, quantity as toQuantity } from './decimal';
import { type Token, tokenise } from './quick-entry-tokens';

export type MasterItem = { id: string; name: string; aliases?: readonly string[] };
export type QuickEntryMasters = {
  commodities: readonly MasterItem[];
  /** `commodityId` lets a variety imply its commodity (a deduction, not a guess). */
  varieties: readonly (MasterItem & { commodityId?: string })[];
  certificateTypes: readonly MasterItem[];
  stations: readonly (MasterItem & { stateCode: string })[];
  deliveryTerms: readonly (MasterItem & { days?: number | null })[];
  paymentTerms: readonly (MasterItem & { days?: number | null })[];
  parameters: readonly { name: string; aliases?: readonly string[]; mandatory?: boolean }[];
};

export type Ref = { id: string; name: string };
export type QuickEntryFields = {
  commodity?: Ref;
  variety?: Ref;
  /** Bales, 3 places. */
  quantity?: string;
  /** Target price, INR per candy, 2 places. */
  targetPrice?: string;
  certificates: Ref[];
  parameters: Record<string, { min?: number; max?: number }>;
  station?: Ref & { stateCode: string };
  deliveryTerm?: Ref;
  paymentTerm?: Ref;
  urgency?: 'URGENT';
};
export type Ambiguity = { field: string; text: string; candidates: string[] };
export type QuickEntryResult = { fields: QuickEntryFields; missing: string[]; unrecognised: string[]; ambiguities: Ambiguity[] };

/** Words that carry no field themselves: they only glue the sentence together. */
const FILLER = new Set(
  'need needed want require required buy looking for of at per with and the a an to in from please delivered delivery deliver rs inr ₹ @ candy candies days day bales bale'.split(
    ' ',
  ),
);
const QUANTITY_UNITS = new Set(['bales', 'bale', 'bls']);
const PRICE_MARKERS = new Set(['at', '@', 'rs', 'inr', '₹', 'price']);
const MAX_WORDS = new Set(['max', 'maximum', 'below', 'upto', 'under']);
const MIN_WORDS = new Set(['min', 'minimum', 'above', 'over']);

type Field = 'commodity' | 'variety' | 'certificate' | 'station' | 'deliveryTerm' | 'paymentTerm';
type Phrase = {
  field: Field;
  item: MasterItem & { stateCode?: string; commodityId?: string; days?: number | null };
  strict: boolean;
};

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Short all-caps names that are also English words ("FOR") only match when typed in capitals. */
const isStrict = (name: string) => /^[A-Z]{2,5}$/.test(name) && FILLER.has(name.toLowerCase());

function phraseIndex(m: QuickEntryMasters): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  const add = (field: Field, items: readonly Phrase['item'][]) => {
    for (const item of items) {
      for (const name of [item.name, ...(item.aliases ?? [])]) {
        const list = index.get(key(name)) ?? [];
        if (!list.some((p) => p.item === item)) list.push({ field, item, strict: isStrict(name) });
        index.set(key(name), list);
      }
    }
  };
  add('commodity', m.commodities);
  add('variety', m.varieties);
  add('certificate', m.certificateTypes);
  add('station', m.stations);
  add('deliveryTerm', m.deliveryTerms);
  add('paymentTerm', m.paymentTerms);
  return index;
}

type Parse = {
  tokens: Token[];
  used: boolean[];
  fields: QuickEntryFields;
  ambiguities: Ambiguity[];
};

const free = (p: Parse, i: number) => i >= 0 && i < p.tokens.length && !p.used[i];
const wordAt = (p: Parse, i: number) => (free(p, i) && p.tokens[i]?.kind === 'word' ? p.tokens[i].key : undefined);
const numberAt = (p: Parse, i: number) => (free(p, i) && p.tokens[i]?.kind === 'number' ? p.tokens[i].value : undefined);
const take = (p: Parse, ...indexes: number[]) => {
  for (const i of indexes) p.used[i] = true;
};

/** Sets a single-valued field; the same field stated twice with different values is ambiguous. */
function put(p: Parse, field: 'quantity' | 'targetPrice', value: string, text: string) {
  const before = p.fields[field];
  if (before !== undefined && before !== value) p.ambiguities.push({ field, text, candidates: [before, value] });
  else p.fields[field] = value;
}

/** "500 bales"; "at 52000 per candy", "@ 52,000". */
function quantitiesAndPrices(p: Parse) {
  for (let i = 0; i < p.tokens.length; i++) {
    const n = numberAt(p, i);
    if (n === undefined) continue;
    const next = wordAt(p, i + 1);
    if (next !== undefined && QUANTITY_UNITS.has(next)) {
      put(p, 'quantity', toQuantity(n), p.tokens[i]!.text);
      take(p, i, i + 1);
    } else if (next === 'per' && wordAt(p, i + 2) === 'candy') {
      put(p, 'targetPrice', money(n), p.tokens[i]!.text);
      take(p, i, i + 1, i + 2);
      if (PRICE_MARKERS.has(wordAt(p, i - 1) ?? '')) take(p, i - 1);
    } else if (PRICE_MARKERS.has(wordAt(p, i - 1) ?? '') && next !== 'per' && next !== 'days' && next !== 'day') {
      // Prices are always INR per candy (DOMAIN §2), so "at 52000" needs no unit; "at 52000 per kg" does not parse.
      put(p, 'targetPrice', money(n), p.tokens[i]!.text);
      take(p, i - 1, i);
    }
  }
}

/** "staple 28-30", "mic 3.8 to 4.5", "trash max 3", "strength min 28". A lone number is ambiguous. */
function parameters(p: Parse, masters: QuickEntryMasters) {
  const byAlias = new Map<string, string>();
  for (const param of masters.parameters) for (const a of [param.name, ...(param.aliases ?? [])]) byAlias.set(key(a), param.name);
  for (let i = 0; i < p.tokens.length; i++) {
    const name = byAlias.get(wordAt(p, i) ?? '');
    if (name === undefined) continue;
    const next = p.tokens[i + 1];
    const bound = wordAt(p, i + 1);
    const limit = numberAt(p, i + 2);
    if (next?.kind === 'range' && free(p, i + 1)) {
      const [a, b] = next.range!;
      p.fields.parameters[name] = { min: Math.min(a, b), max: Math.max(a, b) };
      take(p, i, i + 1);
    } else if (bound !== undefined && limit !== undefined && (MAX_WORDS.has(bound) || MIN_WORDS.has(bound))) {
      p.fields.parameters[name] = { ...p.fields.parameters[name], [MAX_WORDS.has(bound) ? 'max' : 'min']: limit };
      take(p, i, i + 1, i + 2);
    } else if (numberAt(p, i + 1) !== undefined) {
      const text = `${p.tokens[i]!.text} ${p.tokens[i + 1]!.text}`;
      p.ambiguities.push({ field: `parameter:${name}`, text, candidates: ['a range such as 28-30', 'min …', 'max …'] });
      take(p, i, i + 1);
    }
  }
}

/** "30 days credit" / "credit 30 days": a payment term named so AND with that many days. */
function paymentDays(p: Parse, masters: QuickEntryMasters) {
  for (let i = 0; i < p.tokens.length; i++) {
    const days = numberAt(p, i);
    if (days === undefined || (wordAt(p, i + 1) !== 'days' && wordAt(p, i + 1) !== 'day')) continue;
    for (const at of [i + 2, i - 1]) {
      const w = wordAt(p, at);
      if (w === undefined) continue;
      const hits = masters.paymentTerms.filter(
        (t) => t.days === days && [t.name, ...(t.aliases ?? [])].some((n) => key(n) === w),
      );
      if (hits.length === 1) {
        p.fields.paymentTerm = { id: hits[0]!.id, name: hits[0]!.name };
        take(p, i, i + 1, at);
        break;
      }
    }
  }
}

/** Longest master phrase first (up to four words), so "door delivery" beats "delivery". */
function masterPhrases(p: Parse, masters: QuickEntryMasters) {
  const index = phraseIndex(masters);
  for (let i = 0; i < p.tokens.length; i++) {
    for (let n = Math.min(4, p.tokens.length - i); n >= 1; n--) {
      const span = Array.from({ length: n }, (_, k) => i + k);
      if (!span.every((j) => free(p, j) && p.tokens[j]!.kind !== 'range')) continue;
      const text = span.map((j) => p.tokens[j]!.text).join(' ');
      const hits = (index.get(key(text)) ?? []).filter((h) => !h.strict || span.every((j) => p.tokens[j]!.text === h.item.name));
      if (hits.length === 0) continue;
      take(p, ...span);
      if (hits.length > 1) {
        p.ambiguities.push({ field: hits[0]!.field, text, candidates: hits.map((h) => `${h.field}: ${h.item.name}`) });
      } else assign(p, hits[0]!, text);
      i += n - 1;
      break;
    }
  }
}

function assign(p: Parse, hit: Phrase, text: string) {
  const ref = { id: hit.item.id, name: hit.item.name };
  const f = p.fields;
  if (hit.field === 'certificate') {
    if (!f.certificates.some((c) => c.id === ref.id)) f.certificates.push(ref);
    return;
  }
  const before = f[hit.field];
  if (before !== undefined && before.id !== ref.id) {
    p.ambiguities.push({ field: hit.field, text, candidates: [before.name, ref.name] });
    return;
  }
  if (hit.field === 'station') f.station = { ...ref, stateCode: hit.item.stateCode ?? '' };
  else f[hit.field] = ref;
}

const BASE_MANDATORY = ['commodity', 'variety', 'quantity', 'deliveryLocation', 'deliveryTerm', 'paymentTerm'] as const;

function missingFields(f: QuickEntryFields, masters: QuickEntryMasters): string[] {
  const has: Record<(typeof BASE_MANDATORY)[number], boolean> = {
    commodity: f.commodity !== undefined,
    variety: f.variety !== undefined,
    quantity: f.quantity !== undefined,
    deliveryLocation: f.station !== undefined,
    deliveryTerm: f.deliveryTerm !== undefined,
    paymentTerm: f.paymentTerm !== undefined,
  };
  const params = masters.parameters.filter((m) => m.mandatory && !f.parameters[m.name]).map((m) => `parameter:${m.name}`);
  return [...BASE_MANDATORY.filter((name) => !has[name]), ...params];
}

export function parseQuickEntry(sentence: string, masters: QuickEntryMasters): QuickEntryResult {
  const tokens = tokenise(sentence);
  const p: Parse = {
    tokens,
    used: new Array<boolean>(tokens.length).fill(false),
    fields: { certificates: [], parameters: {} },
    ambiguities: [],
  };
  quantitiesAndPrices(p);
  parameters(p, masters);
  paymentDays(p, masters);
  masterPhrases(p, masters);
  for (let i = 0; i < tokens.length; i++) {
    if (wordAt(p, i) === 'urgent') {
      p.fields.urgency = 'URGENT';
      take(p, i);
    }
  }
  // A variety implies its commodity; a different commodity named explicitly is a conflict to report.
  const variety = masters.varieties.find((v) => v.id === p.fields.variety?.id);
  const implied = masters.commodities.find((c) => c.id === variety?.commodityId);
  if (implied && p.fields.commodity && p.fields.commodity.id !== implied.id) {
    p.ambiguities.push({
      field: 'commodity',
      text: p.fields.commodity.name,
      candidates: [p.fields.commodity.name, implied.name],
    });
    delete p.fields.commodity;
  } else if (implied) p.fields.commodity = { id: implied.id, name: implied.name };
  // An ambiguous field is left empty (never chosen), so it is also reported missing.
  for (const a of p.ambiguities) {
    if (a.field in p.fields && a.field !== 'certificates' && a.field !== 'parameters') delete p.fields[a.field as 'variety'];
  }
  const unrecognised = tokens.filter((t, i) => !p.used[i] && !(t.kind === 'word' && FILLER.has(t.key))).map((t) => t.text);
  return { fields: p.fields, missing: missingFields(p.fields, masters), unrecognised, ambiguities: p.ambiguities };
}
