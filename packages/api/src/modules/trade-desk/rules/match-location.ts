/**
 * Location score of DOMAIN §6.4: the highest that applies of same station 100, same region 85,
 * same state 70, seller is a TRADER 60 (traders move cotton anywhere), and max(0, 60 − km/10)
 * by great-circle distance between station coordinates.
 */
import type { LocationBasis, Place } from './match-types';

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export type LocationScore = Readonly<{ score: number; basis: LocationBasis; distanceKm: number | null }>;

// Shared results for the common cases: no allocation per candidate.
const SAME_STATION: LocationScore = Object.freeze({ score: 100, basis: 'STATION', distanceKm: null });
const SAME_REGION: LocationScore = Object.freeze({ score: 85, basis: 'REGION', distanceKm: null });
const SAME_STATE: LocationScore = Object.freeze({ score: 70, basis: 'STATE', distanceKm: null });

const hasCoordinates = (p: Place) => typeof p.lat === 'number' && typeof p.lon === 'number';

/**
 * Distance is only computed when no administrative rule (station, region, state) decided the
 * score: trigonometry for every candidate is the largest cost in scoring 10,000 offers, and a
 * closer rule always wins anyway. `distanceKm` is therefore null when the basis is STATION,
 * REGION or STATE, or when coordinates are missing.
 */
export function locationScore(trade: Place, seller: Place, sellerType: string): LocationScore {
  if (trade.stationId && seller.stationId === trade.stationId) return SAME_STATION;
  if (trade.regionId && seller.regionId === trade.regionId) return SAME_REGION;
  if (seller.stateCode === trade.stateCode) return SAME_STATE;
  const distanceKm =
    hasCoordinates(trade) && hasCoordinates(seller) ? haversineKm(trade.lat!, trade.lon!, seller.lat!, seller.lon!) : null;
  const byDistance = distanceKm === null ? 0 : Math.max(0, 60 - distanceKm / 10);
  if (sellerType === 'TRADER') return { score: 60, basis: 'TRADER', distanceKm };
  if (byDistance > 0) return { score: byDistance, basis: 'DISTANCE', distanceKm };
  return { score: 0, basis: 'NONE', distanceKm };
}
