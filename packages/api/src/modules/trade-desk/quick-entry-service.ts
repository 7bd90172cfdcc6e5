/** Quick entry over the masters in the database (DOMAIN §6.1): a sentence → draft trade fields. */
import { commodities, masterItems, regions, states, stations } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Origin } from './origin';
import { parseQuickEntry, type QuickEntryMasters, type QuickEntryResult } from './rules/quick-entry';
import type { quickEntryInput } from './schemas';

/** Everyday names traders type for template parameters. */
const PARAMETER_ALIASES: Record<string, string[]> = {
  staple_length: ['staple', 'length', 'staple length'],
  micronaire: ['mic', 'mike'],
  strength: ['gtex', 'str'],
  trash: ['trash content'],
  moisture: ['moist'],
};

export type QuickEntryDraft = {
  commodityId: string | null;
  varietyId: string | null;
  quantity: string | null;
  targetPrice: string | null;
  requiredCertificates: string[];
  qualityRanges: { name: string; min: number; max: number }[];
  deliveryStateId: string | null;
  deliveryStationId: string | null;
  deliveryTermId: string | null;
  paymentTermId: string | null;
  urgency: 'NORMAL' | 'URGENT';
};

export async function quickEntry(
  o: Origin,
  input: z.infer<typeof quickEntryInput>,
): Promise<QuickEntryResult & { draft: QuickEntryDraft }> {
  const db = o.deps.db;
  const [commodityRows, items, stationRows] = await Promise.all([
    db.select().from(commodities).where(eq(commodities.active, true)),
    db.select().from(masterItems).where(eq(masterItems.active, true)),
    db
      .select({ id: stations.id, name: stations.name, stateCode: states.gstCode, stateId: states.id })
      .from(stations)
      .innerJoin(regions, eq(regions.id, stations.regionId))
      .innerJoin(states, eq(states.id, regions.stateId)),
  ]);
  const of = (kind: string) => items.filter((i) => i.kind === kind);
  const template = commodityRows.flatMap((c) => c.qualityTemplate);
  const params = new Map(template.filter((p) => p.kind === 'numeric').map((p) => [p.name, p]));
  const masters: QuickEntryMasters = {
    commodities: commodityRows.map((c) => ({ id: c.id, name: c.name, aliases: [c.code] })),
    varieties: of('VARIETY').map((v) => ({ id: v.id, name: v.name, aliases: [v.code], commodityId: v.commodityId ?? undefined })),
    certificateTypes: of('CERTIFICATE_TYPE').map((c) => ({ id: c.code, name: c.name, aliases: [c.code] })),
    stations: stationRows.map((s) => ({ id: s.id, name: s.name, stateCode: s.stateCode })),
    deliveryTerms: of('DELIVERY_TERM').map((t) => ({ id: t.id, name: t.name, days: t.days })),
    // "Credit 30 days" is typed as "30 days credit": the name without its day count is an alias.
    paymentTerms: of('PAYMENT_TERM').map((t) => ({
      id: t.id,
      name: t.name,
      days: t.days,
      aliases: [t.name.replace(/\d+\s*days?/i, '').trim()].filter(Boolean),
    })),
    parameters: [...params.values()].map((p) => ({
      name: p.name,
      aliases: [p.label, ...(PARAMETER_ALIASES[p.name] ?? [])],
      mandatory: p.mandatory,
    })),
  };
  const result = parseQuickEntry(input.sentence, masters);
  const f = result.fields;
  const station = stationRows.find((s) => s.id === f.station?.id);
  const draft: QuickEntryDraft = {
    commodityId: f.commodity?.id ?? null,
    varietyId: f.variety?.id ?? null,
    quantity: f.quantity ?? null,
    targetPrice: f.targetPrice ?? null,
    requiredCertificates: f.certificates.map((c) => c.id),
    qualityRanges: Object.entries(f.parameters).flatMap(([name, r]) => {
      const p = params.get(name);
      const min = r.min ?? p?.min ?? null;
      const max = r.max ?? p?.max ?? null;
      return min === null || max === null ? [] : [{ name, min, max }];
    }),
    deliveryStateId: station?.stateId ?? null,
    deliveryStationId: station?.id ?? null,
    deliveryTermId: f.deliveryTerm?.id ?? null,
    paymentTermId: f.paymentTerm?.id ?? null,
    urgency: f.urgency ?? 'NORMAL',
  };
  return { ...result, draft };
}
