import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combineScores,
  compareScored,
  DEFAULT_MATCH_SETTINGS,
  haversineKm,
  labelFor,
  locationScore,
  type MatchCandidate,
  matchCandidates,
  parameterScore,
  prepareRanges,
  priceScore,
  scoreCandidate,
} from './matching';
import {
  AHMEDABAD,
  AKOLA,
  BHUJ_NO_COORDS,
  COTTON_TEMPLATE,
  candidate,
  GONDAL,
  JODHPUR,
  RAJKOT,
  TRADE,
} from './matching.fixtures';

const now = new Date('2025-01-10T06:00:00Z');
const ctx = { template: COTTON_TEMPLATE, now };

describe('score', () => {
  it('computes the worked example of DOMAIN §6.4 with its breakdown', () => {
    // staple 29.5, preferred 29 in 28–30: 100 − 50·0.5/2 = 87.5. mic 4.8 is 0.3 above 4.5, width 0.7:
    // 100·(1 − 0.3/2.1) = 85.714…; quality = 86.607…; price 2 % over target → 98; same state 70;
    // delivery matches, payment does not → 50. 0.45·86.607 + 0.35·98 + 7 + 5 = 85.27 → 85 Good.
    const s = scoreCandidate(
      TRADE,
      candidate({ values: { staple: 29.5, micronaire: 4.8 }, price: '53040', location: AHMEDABAD, paymentTerm: 'ADVANCE' }),
      ctx,
    );
    expect(s.score).toBe(85);
    expect(s.label).toBe('Good');
    expect(s.breakdown).toMatchObject({ quality: 86.61, price: 98, location: 70, terms: 50, locationBasis: 'STATE' });
    expect(s.breakdown.deliveryTermMatches).toBe(true);
    expect(s.breakdown.paymentTermMatches).toBe(false);
    const [staple, mic] = s.parameters;
    expect(staple).toMatchObject({ name: 'staple', value: 29.5, outside: 0, fromPreferred: 0.5, score: 87.5 });
    expect(mic?.outside).toBeCloseTo(0.3, 10);
    expect(mic?.score).toBeCloseTo(85.714, 3);
  });

  it('gives a perfect candidate 100 and Best', () => {
    const s = scoreCandidate(TRADE, candidate(), ctx);
    expect([s.score, s.label]).toEqual([100, 'Best']);
  });

  it('scores a missing parameter 0 and reports it', () => {
    const s = scoreCandidate(TRADE, candidate({ values: { staple: 29 } }), ctx);
    expect(s.breakdown.quality).toBe(50);
    expect(s.parameters[1]).toMatchObject({ name: 'micronaire', value: null, outside: null, score: 0 });
  });

  it('uses the weights passed in', () => {
    const settings = { ...DEFAULT_MATCH_SETTINGS, weights: { quality: 0, price: 1, location: 0, terms: 0 } };
    const s = scoreCandidate(TRADE, candidate({ values: {}, price: '78000' }), { ...ctx, settings });
    expect(s.score).toBe(50);
  });

  it('rounds half up', () => {
    expect(combineScores(84.5, 84.5, 84.5, 84.5, DEFAULT_MATCH_SETTINGS.weights)).toBe(85);
    expect(combineScores(84.49, 84.49, 84.49, 84.49, DEFAULT_MATCH_SETTINGS.weights)).toBe(84);
  });
});

describe('quality', () => {
  const [staple] = prepareRanges([{ name: 'staple', min: 28, max: 30, preferred: 29 }], COTTON_TEMPLATE);
  const [mic] = prepareRanges([{ name: 'micronaire', min: 3.8, max: 4.5 }], COTTON_TEMPLATE);
  const [narrow] = prepareRanges([{ name: 'staple', min: 29, max: 29 }], COTTON_TEMPLATE);
  it('follows the formula inside, outside and at three widths', () => {
    expect(parameterScore(29, staple!)).toBe(100);
    expect(parameterScore(30, staple!)).toBe(75);
    expect(parameterScore(28, staple!)).toBe(75);
    expect(parameterScore(31, staple!)).toBeCloseTo(75 * (1 - 1 / 6), 10);
    expect(parameterScore(36, staple!)).toBe(0);
    expect(parameterScore(4.5 + 2.1, mic!)).toBeCloseTo(0, 9);
    expect(parameterScore(3.8 - 0.35, mic!)).toBeCloseTo(100 * (1 - 0.35 / 2.1), 10);
    // A zero-width range uses the template step as its width: 0.5 away of 3 × 0.5.
    expect(parameterScore(29.5, narrow!)).toBeCloseTo(100 * (1 - 0.5 / 1.5), 10);
    expect(parameterScore(undefined, staple!)).toBe(0);
  });
  it('floors the preferred-value score at 50', () => {
    const [wide] = prepareRanges([{ name: 'trash', min: 0, max: 4, preferred: 0 }], COTTON_TEMPLATE);
    expect(parameterScore(4, wide!)).toBe(50);
  });
});

describe('price and location', () => {
  it('prices against the target, or against the lowest live price', () => {
    expect(priceScore(51000, 52000, null)).toBe(100);
    expect(priceScore(57200, 52000, null)).toBeCloseTo(90, 10);
    expect(priceScore(200000, 52000, null)).toBe(0);
    expect(priceScore(52000, null, 50000)).toBeCloseTo((50000 / 52000) * 100, 10);
    expect(priceScore(49000, null, 50000)).toBe(100);
  });
  it('recomputes the no-target price score against the lowest eligible price', () => {
    const trade = { ...TRADE, targetPrice: null };
    const { ranked } = matchCandidates(
      trade,
      [candidate({ id: 'a', price: '50000' }), candidate({ id: 'b', price: '62500' })],
      ctx,
    );
    expect(ranked.map((r) => [r.candidate.id, r.breakdown.price])).toEqual([
      ['a', 100],
      ['b', 80],
    ]);
  });
  it('takes the highest location rule that applies', () => {
    expect(locationScore(RAJKOT, RAJKOT, 'SELLER')).toMatchObject({ score: 100, basis: 'STATION' });
    expect(locationScore(RAJKOT, GONDAL, 'SELLER')).toMatchObject({ score: 85, basis: 'REGION' });
    expect(locationScore(RAJKOT, AHMEDABAD, 'SELLER')).toMatchObject({ score: 70, basis: 'STATE' });
    expect(locationScore(RAJKOT, AKOLA, 'TRADER')).toMatchObject({ score: 60, basis: 'TRADER' });
    expect(locationScore(RAJKOT, AKOLA, 'SELLER')).toMatchObject({ score: 0, basis: 'NONE' });
    expect(locationScore(RAJKOT, BHUJ_NO_COORDS, 'SELLER')).toMatchObject({ score: 0, distanceKm: null });
    const jodhpur = locationScore(RAJKOT, JODHPUR, 'SELLER');
    expect(jodhpur.basis).toBe('DISTANCE');
    expect(jodhpur.score).toBeCloseTo(60 - haversineKm(22.3039, 70.8022, 26.2389, 73.0243) / 10, 10);
  });
  it('measures great-circle distance (Rajkot–Ahmedabad ≈ 200 km)', () => {
    expect(haversineKm(RAJKOT.lat, RAJKOT.lon, AHMEDABAD.lat, AHMEDABAD.lon)).toBeGreaterThan(195);
    expect(haversineKm(RAJKOT.lat, RAJKOT.lon, AHMEDABAD.lat, AHMEDABAD.lon)).toBeLessThan(205);
  });
});

describe('hard filters', () => {
  const organic = { ...TRADE, requiredCertificates: ['ORGANIC'] };
  const cert = (o: Partial<MatchCandidate['certificates'][number]> = {}) => ({
    type: 'ORGANIC',
    status: 'VERIFIED',
    expiresAt: new Date('2026-01-01'),
    visibleInTrade: true,
    ...o,
  });
  it.each([
    ['COMMODITY_MISMATCH', TRADE, { commodityId: 'wool' }],
    ['OWN_TRADE', TRADE, { sellerPartnerId: 'buyer-1' }],
    ['PARTNER_NOT_ACTIVE', TRADE, { sellerStatus: 'KYC_EXPIRED' }],
    ['CERTIFICATE_MISMATCH', organic, { certificates: [] }],
    ['CERTIFICATE_MISMATCH', organic, { certificates: [cert({ status: 'PENDING_VERIFICATION' })] }],
    ['CERTIFICATE_MISMATCH', organic, { certificates: [cert({ expiresAt: new Date('2025-01-01') })] }],
    ['CERTIFICATE_MISMATCH', organic, { certificates: [cert({ visibleInTrade: false })] }],
    ['INSUFFICIENT_QUANTITY', TRADE, { availableQuantity: '0' }],
    ['PARAMETERS_OUT_OF_RANGE', TRADE, { values: { staple: 40, micronaire: 4 } }],
    ['LOCATION_MISMATCH', { ...TRADE, stationOnly: true }, { location: GONDAL }],
  ] as const)('excludes with %s', (reason, trade, overrides) => {
    const { ranked, excluded } = matchCandidates(trade, [candidate(overrides)], ctx);
    expect(ranked).toHaveLength(0);
    expect(excluded[0]?.reasons).toEqual([reason]);
  });
  it('keeps a candidate holding a valid certificate', () => {
    expect(matchCandidates(organic, [candidate({ certificates: [cert()] })], ctx).ranked).toHaveLength(1);
  });
});

// ---- properties ----

const value = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const candidateArb = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    price: fc.integer({ min: 30000, max: 80000 }).map(String),
    staple: fc.option(value(22, 36)),
    mic: fc.option(value(3, 5.5)),
    strength: fc.option(value(20, 35)),
    location: fc.constantFrom(RAJKOT, GONDAL, AHMEDABAD, AKOLA, JODHPUR, BHUJ_NO_COORDS),
    sellerType: fc.constantFrom('SELLER', 'TRADER'),
    deliveryTerm: fc.constantFrom('EX_GIN', 'FOR'),
    paymentTerm: fc.constantFrom('CREDIT_30', 'ADVANCE'),
    minute: fc.integer({ min: 0, max: 3 }),
    lot: fc.boolean(),
  })
  .map((r) =>
    candidate({
      id: r.id,
      price: r.price,
      values: { staple: r.staple, micronaire: r.mic, strength: r.strength },
      location: r.location,
      sellerType: r.sellerType,
      deliveryTerm: r.deliveryTerm,
      paymentTerm: r.paymentTerm,
      offeredAt: new Date(now.getTime() - r.minute * 60_000),
      lotId: r.lot ? 'lot' : null,
    }),
  );
const tradeArb = fc
  .record({
    lo: value(22, 34),
    span: value(0, 2),
    preferred: fc.option(value(0, 1)),
    target: fc.option(fc.integer({ min: 30000, max: 80000 }).map(String)),
    weights: fc.tuple(value(0, 1), value(0, 1), value(0, 1), value(0, 1)),
  })
  .map((r) => ({
    ...TRADE,
    targetPrice: r.target,
    ranges: [
      { name: 'staple', min: r.lo, max: r.lo + r.span, preferred: r.preferred === null ? null : r.lo + r.preferred * r.span },
      { name: 'micronaire', min: 3.8, max: 4.5 },
      { name: 'strength', min: 28, max: 31, preferred: 30 },
    ],
    settings: {
      ...DEFAULT_MATCH_SETTINGS,
      weights: { quality: r.weights[0], price: r.weights[1], location: r.weights[2], terms: r.weights[3] },
    },
  }));

describe('matching properties', () => {
  it('every score is an integer in 0–100 and its label matches the thresholds', () => {
    fc.assert(
      fc.property(tradeArb, fc.array(candidateArb, { minLength: 1, maxLength: 20 }), (trade, cs) => {
        const { ranked } = matchCandidates(trade, cs, { ...ctx, settings: trade.settings });
        return ranked.every((r) => Number.isInteger(r.score) && r.score >= 0 && r.score <= 100 && r.label === labelFor(r.score));
      }),
    );
  });

  it('labels follow the thresholds exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (s) => {
        const expected = s >= 90 ? 'Best' : s >= 75 ? 'Good' : s >= 60 ? 'Average' : 'Poor';
        return labelFor(s) === expected;
      }),
    );
    expect([labelFor(90), labelFor(89), labelFor(75), labelFor(74), labelFor(60), labelFor(59)]).toEqual([
      'Best',
      'Good',
      'Good',
      'Average',
      'Average',
      'Poor',
    ]);
  });

  it('moving a parameter toward the range never lowers the parameter, quality or total score', () => {
    fc.assert(
      fc.property(tradeArb, candidateArb, value(0, 1), (trade, c, fraction) => {
        const r = trade.ranges[0]!;
        const v = c.values.staple ?? r.min - 3;
        if (v >= r.min && v <= r.max) return true;
        const bound = v < r.min ? r.min : r.max;
        const closer = v + (bound - v) * fraction;
        const ctxT = { ...ctx, settings: trade.settings, lowestLivePrice: '30000' };
        const before = scoreCandidate(trade, candidate({ ...c, values: { ...c.values, staple: v } }), ctxT);
        const after = scoreCandidate(trade, candidate({ ...c, values: { ...c.values, staple: closer } }), ctxT);
        return (
          after.parameters[0]!.score >= before.parameters[0]!.score &&
          after.breakdown.quality >= before.breakdown.quality &&
          after.score >= before.score
        );
      }),
      { numRuns: 500 },
    );
  });

  it('a lower price never lowers the price or total score (with or without a target)', () => {
    fc.assert(
      fc.property(tradeArb, candidateArb, value(0, 1), fc.boolean(), (trade, c, fraction, withTarget) => {
        const t = withTarget ? trade : { ...trade, targetPrice: null };
        const price = Number(c.price);
        const lower = Math.max(1, Math.round(price * fraction));
        const ctxT = { ...ctx, settings: trade.settings, lowestLivePrice: '30000' };
        const before = scoreCandidate(t, candidate({ ...c, price: String(price) }), ctxT);
        const after = scoreCandidate(t, candidate({ ...c, price: String(lower) }), ctxT);
        return after.breakdown.price >= before.breakdown.price && after.score >= before.score;
      }),
      { numRuns: 500 },
    );
  });

  it('ranking is a total order: antisymmetric, transitive, and sorting is deterministic', () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { minLength: 1, maxLength: 12 }), (cs) => {
        const { ranked } = matchCandidates({ ...TRADE, targetPrice: null }, cs, ctx);
        for (const a of ranked) {
          if (compareScored(a, a) !== 0) return false;
          for (const b of ranked) {
            const ab = Math.sign(compareScored(a, b));
            if (ab !== -Math.sign(compareScored(b, a))) return false;
            if (ab === 0 && a.candidate.id !== b.candidate.id) return false;
            for (const c of ranked) if (ab <= 0 && compareScored(b, c) <= 0 && compareScored(a, c) > 0) return false;
          }
        }
        const reversed = matchCandidates({ ...TRADE, targetPrice: null }, [...cs].reverse(), ctx).ranked;
        return reversed.every((r, i) => compareScored(r, ranked[i]!) === 0);
      }),
    );
  });

  it('breaks ties by lower price, then earlier offer, then a tested lot', () => {
    const base = { values: {}, location: AKOLA, deliveryTerm: 'X', paymentTerm: 'Y' };
    const t = { ...TRADE, targetPrice: '90000' };
    const early = new Date('2025-01-10T01:00:00Z');
    const { ranked } = matchCandidates(
      t,
      [
        candidate({ ...base, id: 'late-no-lot', price: '50000' }),
        candidate({ ...base, id: 'late-lot', price: '50000', lotId: 'L1' }),
        candidate({ ...base, id: 'early', price: '50000', offeredAt: early }),
        candidate({ ...base, id: 'cheap', price: '49000' }),
      ],
      ctx,
    );
    expect(new Set(ranked.map((r) => r.score)).size).toBe(1);
    expect(ranked.map((r) => r.candidate.id)).toEqual(['cheap', 'early', 'late-lot', 'late-no-lot']);
  });
});
