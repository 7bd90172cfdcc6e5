/** Shared test data for the matching tests: cotton's template of DOMAIN §3 and a Rajkot trade. */
import type { MatchCandidate, MatchTrade, TemplateParameter } from './match-types';

export const COTTON_TEMPLATE: TemplateParameter[] = [
  { name: 'staple', min: 22, max: 36, step: 0.5, weight: 1 },
  { name: 'micronaire', min: 3, max: 5.5, step: 0.1, weight: 1 },
  { name: 'strength', min: 20, max: 35, step: 0.5, weight: 0.8 },
  { name: 'trash', min: 0, max: 5, step: 0.1, weight: 0.6 },
  { name: 'moisture', min: 0, max: 12, step: 0.1, weight: 0.5 },
];

export const RAJKOT = { stateCode: '24', regionId: 'saurashtra', stationId: 'rajkot', lat: 22.3039, lon: 70.8022 };
export const AHMEDABAD = { stateCode: '24', regionId: 'central-gujarat', stationId: 'ahmedabad', lat: 23.0225, lon: 72.5714 };
export const GONDAL = { stateCode: '24', regionId: 'saurashtra', stationId: 'gondal', lat: 21.9612, lon: 70.7939 };
export const AKOLA = { stateCode: '27', regionId: 'vidarbha', stationId: 'akola', lat: 20.7002, lon: 77.0082 };
export const JODHPUR = { stateCode: '08', regionId: 'marwar', stationId: 'jodhpur', lat: 26.2389, lon: 73.0243 };
export const BHUJ_NO_COORDS = { stateCode: '08', regionId: 'x', stationId: 'y' };

export const TRADE: MatchTrade = {
  commodityId: 'cotton',
  buyerPartnerId: 'buyer-1',
  ranges: [
    { name: 'staple', min: 28, max: 30, preferred: 29 },
    { name: 'micronaire', min: 3.8, max: 4.5 },
  ],
  requiredCertificates: [],
  targetPrice: '52000',
  location: RAJKOT,
  deliveryTerm: 'EX_GIN',
  paymentTerm: 'CREDIT_30',
};

export function candidate(overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    id: 'offer-1',
    commodityId: 'cotton',
    sellerPartnerId: 'seller-1',
    sellerStatus: 'ACTIVE',
    sellerType: 'SELLER',
    price: '52000',
    availableQuantity: '100',
    values: { staple: 29, micronaire: 4.2 },
    certificates: [],
    location: RAJKOT,
    deliveryTerm: 'EX_GIN',
    paymentTerm: 'CREDIT_30',
    offeredAt: new Date('2025-01-10T05:00:00Z'),
    lotId: null,
    ...overrides,
  };
}
