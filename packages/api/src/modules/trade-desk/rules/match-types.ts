/**
 * Inputs and outputs of matching (DOMAIN §6.4). Parameter values, coordinates and scores are
 * plain numbers: they are measurements and ratios, not money. Prices arrive as the decimal
 * strings the database holds and are only compared and divided, never returned.
 */

/** One numeric parameter of the commodity's quality template. */
export type TemplateParameter = { name: string; min: number; max: number; step: number; weight: number };

/** A buyer's range for one parameter; `preferred` pulls the score toward a sweet spot. */
export type QualityRange = { name: string; min: number; max: number; preferred?: number | null };

export type Place = {
  stateCode: string;
  regionId?: string | null;
  stationId?: string | null;
  lat?: number | null;
  lon?: number | null;
};

export type MatchTrade = {
  commodityId: string;
  buyerPartnerId: string;
  ranges: readonly QualityRange[];
  requiredCertificates: readonly string[];
  /** INR per candy; absent means "score against the lowest live price". */
  targetPrice?: string | null;
  location: Place;
  /** "Station only": location becomes a hard filter instead of a score. */
  stationOnly?: boolean;
  deliveryTerm: string;
  paymentTerm: string;
};

export type CandidateCertificate = {
  type: string;
  status: string;
  expiresAt: Date | null;
  visibleInTrade: boolean;
};

/** An offer, or a seller's tested lot in pre-matching. */
export type MatchCandidate = {
  id: string;
  commodityId: string;
  sellerPartnerId: string;
  /** Partner onboarding state; only ACTIVE sellers match. */
  sellerStatus: string;
  /** Partner business type; a TRADER gets a location floor of 60. */
  sellerType: string;
  /** INR per candy. */
  price: string;
  /** Bales the candidate can still supply. */
  availableQuantity: string;
  values: Readonly<Record<string, number | null | undefined>>;
  certificates: readonly CandidateCertificate[];
  location: Place;
  deliveryTerm: string;
  paymentTerm: string;
  offeredAt: Date;
  /** Set when the offer is backed by a tested lot (a ranking tie-breaker). */
  lotId?: string | null;
};

export type ScoreWeights = { quality: number; price: number; location: number; terms: number };
export type LabelThresholds = { best: number; good: number; average: number };
export type MatchLabel = 'Best' | 'Good' | 'Average' | 'Poor';

/** Per-commodity settings; these defaults are DOMAIN §6.4's. */
export type MatchSettings = { weights: ScoreWeights; labels: LabelThresholds };

export const DEFAULT_MATCH_SETTINGS: MatchSettings = {
  weights: { quality: 0.45, price: 0.35, location: 0.1, terms: 0.1 },
  labels: { best: 90, good: 75, average: 60 },
};

export type ParameterDeviation = {
  name: string;
  value: number | null;
  min: number;
  max: number;
  preferred: number | null;
  /** 0 inside the range; below min negative, above max positive (in the parameter's unit). */
  outside: number | null;
  /** |value − preferred| when a preferred value is set. */
  fromPreferred: number | null;
  weight: number;
  score: number;
};

export type LocationBasis = 'STATION' | 'REGION' | 'STATE' | 'TRADER' | 'DISTANCE' | 'NONE';

export type ScoreBreakdown = {
  quality: number;
  price: number;
  location: number;
  terms: number;
  locationBasis: LocationBasis;
  distanceKm: number | null;
  deliveryTermMatches: boolean;
  paymentTermMatches: boolean;
};

export type ScoredCandidate = {
  candidate: MatchCandidate;
  score: number;
  label: MatchLabel;
  breakdown: ScoreBreakdown;
  parameters: ParameterDeviation[];
};

export type FilterReason =
  | 'COMMODITY_MISMATCH'
  | 'OWN_TRADE'
  | 'PARTNER_NOT_ACTIVE'
  | 'CERTIFICATE_MISMATCH'
  | 'INSUFFICIENT_QUANTITY'
  | 'PARAMETERS_OUT_OF_RANGE'
  | 'LOCATION_MISMATCH';

export type ExcludedCandidate = { candidate: MatchCandidate; reasons: readonly FilterReason[] };
