/** Reference reads the trade-desk services share: commodity templates, places, partners, certifications. */

import {
  branches,
  commodities,
  type DbOrTx,
  masterItems,
  partners,
  type QualityParameter,
  regions,
  states,
  stations,
} from '@kapas/db';
import { and, eq, inArray } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { preparedPer } from '../../shared/prepared';
import { verifiedCertificationsOf } from '../certifications/for-matching';
import type { CandidateCertificate, Place, TemplateParameter } from './rules/match-types';

export type Commodity = { id: string; name: string; active: boolean; template: QualityParameter[] };

export async function loadCommodity(db: DbOrTx, id: string): Promise<Commodity> {
  const [row] = await db.select().from(commodities).where(eq(commodities.id, id));
  if (!row) throw new DomainError('NOT_FOUND', 'Commodity not found.', { fieldErrors: { commodityId: ['Unknown commodity'] } });
  return { id: row.id, name: row.name, active: row.active, template: row.qualityTemplate };
}

/** Numeric template parameters with bounds, as matching needs them. */
export function numericTemplate(template: readonly QualityParameter[]): TemplateParameter[] {
  return template
    .filter((p) => p.kind === 'numeric' && p.min !== null && p.max !== null)
    .map((p) => ({ name: p.name, min: p.min!, max: p.max!, step: p.step ?? 0.1, weight: p.weight }));
}

export type StationPlace = Place & { stationName: string; stateId: string };

const stationColumns = {
  id: stations.id,
  name: stations.name,
  lat: stations.latitude,
  lon: stations.longitude,
  regionId: stations.regionId,
};

type StationRow = { id: string; name: string; lat: string; lon: string; regionId: string };

function stationPlace(r: StationRow, state: { id: string; code: string }): StationPlace {
  return {
    stationId: r.id,
    stationName: r.name,
    regionId: r.regionId,
    stateId: state.id,
    stateCode: state.code,
    lat: Number(r.lat),
    lon: Number(r.lon),
  };
}

/** Station → region → state with coordinates; a small table, read whole. */
export async function loadStations(db: DbOrTx): Promise<Map<string, StationPlace>> {
  const rows = await db
    .select({ station: stationColumns, stateId: states.id, stateCode: states.gstCode })
    .from(stations)
    .innerJoin(regions, eq(regions.id, stations.regionId))
    .innerJoin(states, eq(states.id, regions.stateId));
  return new Map(rows.map((r) => [r.station.id, stationPlace(r.station, { id: r.stateId, code: r.stateCode })]));
}

export type Places = { stations: Map<string, StationPlace>; stateCodes: Map<string, string> };

/**
 * Every station's place and every state's GST code in one statement (matching needs a trade's
 * delivery state when it names no station): states left-joined down to their stations, so a state
 * without stations still comes back once.
 */
export async function loadPlaces(db: DbOrTx): Promise<Places> {
  const rows = await placesStatement(db).execute();
  const places: Places = { stations: new Map(), stateCodes: new Map() };
  for (const r of rows) {
    places.stateCodes.set(r.stateId, r.stateCode);
    if (r.station) places.stations.set(r.station.id, stationPlace(r.station, { id: r.stateId, code: r.stateCode }));
  }
  return places;
}

const placesStatement = preparedPer((db) =>
  db
    .select({ station: stationColumns, stateId: states.id, stateCode: states.gstCode })
    .from(states)
    .leftJoin(regions, eq(regions.stateId, states.id))
    .leftJoin(stations, eq(stations.regionId, regions.id))
    .prepare('places'),
);

export type PartnerInfo = {
  id: string;
  legalName: string;
  tradeName: string | null;
  businessType: string;
  status: string;
  gstin: string | null;
  pan: string | null;
  email: string | null;
  mobile: string | null;
};

export async function loadPartner(db: DbOrTx, id: string): Promise<PartnerInfo> {
  const [row] = await db
    .select({
      id: partners.id,
      legalName: partners.legalName,
      tradeName: partners.tradeName,
      businessType: partners.businessType,
      status: partners.status,
      gstin: partners.gstin,
      pan: partners.pan,
      email: partners.email,
      mobile: partners.mobile,
    })
    .from(partners)
    .where(eq(partners.id, id));
  if (!row) throw new DomainError('NOT_FOUND', 'Partner not found.');
  return row;
}

export type BranchRow = typeof branches.$inferSelect;

export async function headOffices(db: DbOrTx, partnerIds: readonly string[]): Promise<Map<string, BranchRow>> {
  if (partnerIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(branches)
    .where(and(inArray(branches.partnerId, [...partnerIds]), eq(branches.isHeadOffice, true)));
  return new Map(rows.map((b) => [b.partnerId, b]));
}

/** A branch of the partner the caller may use; NOT_FOUND for another partner's branch. */
export async function checkBranch(db: DbOrTx, partnerId: string, branchId: string): Promise<BranchRow> {
  const [row] = await db
    .select()
    .from(branches)
    .where(and(eq(branches.id, branchId), eq(branches.partnerId, partnerId)));
  if (!row) throw new DomainError('NOT_FOUND', 'Branch not found.', { fieldErrors: { branchId: ['Unknown branch'] } });
  return row;
}

/** The certifications that count in matching, per partner, in the shape the pure matching rules take. */
export async function tradeCertifications(
  db: DbOrTx,
  partnerIds: readonly string[],
  now: Date,
): Promise<Map<string, CandidateCertificate[]>> {
  const verified = await verifiedCertificationsOf(db, partnerIds, now);
  return new Map(
    [...verified].map(([partnerId, certs]) => [
      partnerId,
      // Valid through the whole expiry day.
      certs.map((c) => ({
        type: c.certificateType,
        status: 'VERIFIED',
        visibleInTrade: true,
        expiresAt: new Date(`${c.expiresOn}T23:59:59.999Z`),
      })),
    ]),
  );
}

export async function masterNames(db: DbOrTx, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: masterItems.id, name: masterItems.name })
    .from(masterItems)
    .where(inArray(masterItems.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
