/** Deterministic synthetic trades and candidates for P4 (seeded, so every run scores the same data). */
import type { matchingRules } from '@kapas/api';

export const TEMPLATE: matchingRules.TemplateParameter[] = [
  { name: 'staple', min: 22, max: 36, step: 0.5, weight: 1 },
  { name: 'micronaire', min: 3, max: 5.5, step: 0.1, weight: 1 },
  { name: 'strength', min: 20, max: 35, step: 0.5, weight: 0.8 },
  { name: 'trash', min: 0, max: 5, step: 0.1, weight: 0.6 },
  { name: 'moisture', min: 0, max: 12, step: 0.1, weight: 0.5 },
];

const PLACES: matchingRules.Place[] = [
  { stateCode: '24', regionId: 'saurashtra', stationId: 'rajkot', lat: 22.3039, lon: 70.8022 },
  { stateCode: '24', regionId: 'central-gujarat', stationId: 'ahmedabad', lat: 23.0225, lon: 72.5714 },
  { stateCode: '24', regionId: 'saurashtra', stationId: 'gondal', lat: 21.9612, lon: 70.7939 },
  { stateCode: '27', regionId: 'vidarbha', stationId: 'akola', lat: 20.7002, lon: 77.0082 },
  { stateCode: '08', regionId: 'marwar', stationId: 'jodhpur', lat: 26.2389, lon: 73.0243 },
  { stateCode: '08', regionId: 'x', stationId: 'y' },
];
const DELIVERY = ['EX_GIN', 'FOR_MILL'];
const PAYMENT = ['CREDIT_30', 'ADVANCE', 'CREDIT_60'];

/** mulberry32: tiny, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: () => number, lo: number, hi: number) => Math.round((lo + r() * (hi - lo)) * 10) / 10;

export function trades(n: number, seed: number): matchingRules.MatchTrade[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    commodityId: 'cotton',
    buyerPartnerId: `buyer-${i % 50}`,
    ranges: [
      { name: 'staple', min: 27, max: 30, preferred: 29 },
      { name: 'micronaire', min: 3.6, max: 4.8 },
      { name: 'strength', min: 26, max: 32 },
    ],
    requiredCertificates: r() < 0.2 ? ['BCI'] : [],
    targetPrice: r() < 0.7 ? String(50_000 + Math.floor(r() * 6_000)) : null,
    location: pick(r, PLACES),
    deliveryTerm: pick(r, DELIVERY),
    paymentTerm: pick(r, PAYMENT),
  }));
}

export function candidates(n: number, seed: number): matchingRules.MatchCandidate[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `c-${i}`,
    commodityId: r() < 0.97 ? 'cotton' : 'kapas',
    sellerPartnerId: `seller-${i % 400}`,
    sellerStatus: r() < 0.98 ? 'ACTIVE' : 'SUSPENDED',
    sellerType: r() < 0.3 ? 'TRADER' : 'SELLER',
    price: String(48_000 + Math.floor(r() * 10_000)),
    availableQuantity: String(50 + Math.floor(r() * 500)),
    values: {
      staple: between(r, 25, 32),
      micronaire: between(r, 3.2, 5.2),
      strength: between(r, 24, 34),
      trash: r() < 0.9 ? between(r, 0.5, 4) : null,
      moisture: between(r, 5, 10),
    },
    certificates:
      r() < 0.5 ? [{ type: 'BCI', status: 'VERIFIED', expiresAt: new Date('2027-01-01T00:00:00Z'), visibleInTrade: true }] : [],
    location: pick(r, PLACES),
    deliveryTerm: pick(r, DELIVERY),
    paymentTerm: pick(r, PAYMENT),
    offeredAt: new Date(Date.UTC(2026, 4, 1) + Math.floor(r() * 30 * 86_400_000)),
    lotId: r() < 0.5 ? `lot-${i}` : null,
  }));
}
