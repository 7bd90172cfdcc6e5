import { describe, expect, it } from 'vitest';
import { applyAction, type Negotiation, type NegotiationAction, openNegotiation, turnOf } from './negotiation';

const HOUR = 3_600_000;
const t0 = new Date('2025-01-10T04:30:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
const terms = (price: string, validHours = 48) => ({ price, quantity: '100', validUntil: at(validHours) });

function run(state: Negotiation, action: NegotiationAction, hours: number): Negotiation {
  const r = applyAction(state, action, at(hours));
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.state;
}
const codeOf = (state: Negotiation, action: NegotiationAction, hours = 1) => {
  const r = applyAction(state, action, at(hours));
  return r.ok ? 'OK' : r.error.code;
};

describe('applyAction', () => {
  const v1 = openNegotiation(terms('53000'), t0);

  it('alternates sides and accepts the named version', () => {
    expect(turnOf(v1)).toBe('BUYER');
    const v2 = run(v1, { type: 'COUNTER', by: 'BUYER', answersVersion: 1, terms: terms('51000', 24) }, 1);
    expect(v2.status).toBe('COUNTERED');
    expect(turnOf(v2)).toBe('SELLER');
    const v3 = run(v2, { type: 'COUNTER', by: 'SELLER', answersVersion: 2, terms: terms('52000', 24) }, 2);
    const done = run(v3, { type: 'ACCEPT', by: 'BUYER', answersVersion: 3 }, 3);
    expect(done).toMatchObject({ status: 'ACCEPTED', acceptedVersion: 3, closedBy: 'BUYER' });
    expect(done.versions.map((v) => [v.version, v.by, v.price])).toEqual([
      [1, 'SELLER', '53000'],
      [2, 'BUYER', '51000'],
      [3, 'SELLER', '52000'],
    ]);
    expect(turnOf(done)).toBeNull();
  });

  it('refuses to counter or accept one’s own latest version (NOT_YOUR_TURN)', () => {
    expect(codeOf(v1, { type: 'ACCEPT', by: 'SELLER', answersVersion: 1 })).toBe('NOT_YOUR_TURN');
    expect(codeOf(v1, { type: 'COUNTER', by: 'SELLER', answersVersion: 1, terms: terms('1') })).toBe('NOT_YOUR_TURN');
    expect(codeOf(v1, { type: 'REJECT', by: 'SELLER', answersVersion: 1 })).toBe('NOT_YOUR_TURN');
  });

  it('refuses actions naming an old or unknown version (STALE_VERSION) and changes nothing', () => {
    const v2 = run(v1, { type: 'COUNTER', by: 'BUYER', answersVersion: 1, terms: terms('51000') }, 1);
    const r = applyAction(v2, { type: 'ACCEPT', by: 'SELLER', answersVersion: 1 }, at(2));
    expect(r).toMatchObject({ ok: false, error: { code: 'STALE_VERSION' } });
    expect(codeOf(v2, { type: 'WITHDRAW', by: 'SELLER', answersVersion: 3 })).toBe('STALE_VERSION');
    expect(v2.versions).toHaveLength(2);
  });

  it('lets only the seller withdraw, at any turn', () => {
    expect(codeOf(v1, { type: 'WITHDRAW', by: 'SELLER', answersVersion: 1 })).toBe('OK');
    expect(codeOf(v1, { type: 'WITHDRAW', by: 'BUYER', answersVersion: 1 })).toBe('FORBIDDEN');
  });

  it('never changes a terminal offer', () => {
    const rejected = run(v1, { type: 'REJECT', by: 'BUYER', answersVersion: 1 }, 1);
    for (const action of [
      { type: 'ACCEPT', by: 'BUYER', answersVersion: 1 },
      { type: 'COUNTER', by: 'SELLER', answersVersion: 1, terms: terms('1') },
      { type: 'WITHDRAW', by: 'SELLER', answersVersion: 1 },
      { type: 'EXPIRE' },
    ] as NegotiationAction[]) {
      expect(codeOf(rejected, action, 100)).toBe('CONFLICT');
    }
    const expired = run(v1, { type: 'EXPIRE' }, 48);
    expect(codeOf(expired, { type: 'ACCEPT', by: 'BUYER', answersVersion: 1 })).toBe('OFFER_EXPIRED');
  });

  it('expires when validity passes or after 48 h without activity, not before', () => {
    const short = openNegotiation(terms('53000', 10), t0);
    expect(codeOf(short, { type: 'EXPIRE' }, 9.9)).toBe('CONFLICT');
    expect(codeOf(short, { type: 'ACCEPT', by: 'BUYER', answersVersion: 1 }, 10)).toBe('OFFER_EXPIRED');
    expect(codeOf(short, { type: 'EXPIRE' }, 10)).toBe('OK');
    const long = openNegotiation(terms('53000', 96), t0);
    expect(codeOf(long, { type: 'ACCEPT', by: 'BUYER', answersVersion: 1 }, 47.9)).toBe('OK');
    expect(codeOf(long, { type: 'ACCEPT', by: 'BUYER', answersVersion: 1 }, 48)).toBe('OFFER_EXPIRED');
    // A counter is activity: the 48 h clock restarts from it.
    const v2 = run(long, { type: 'COUNTER', by: 'BUYER', answersVersion: 1, terms: terms('51000', 96) }, 40);
    expect(codeOf(v2, { type: 'ACCEPT', by: 'SELLER', answersVersion: 2 }, 87)).toBe('OK');
  });

  it('honours the inactivity setting passed in', () => {
    const r = applyAction(v1, { type: 'EXPIRE' }, at(2), { inactivityMs: HOUR });
    expect(r.ok && r.state.status).toBe('EXPIRED');
  });

  it('validates counter terms', () => {
    expect(codeOf(v1, { type: 'COUNTER', by: 'BUYER', answersVersion: 1, terms: terms('0') })).toBe('BAD_REQUEST');
    expect(codeOf(v1, { type: 'COUNTER', by: 'BUYER', answersVersion: 1, terms: { ...terms('5'), quantity: '-1' } })).toBe(
      'BAD_REQUEST',
    );
    expect(codeOf(v1, { type: 'COUNTER', by: 'BUYER', answersVersion: 1, terms: terms('5', 1) }, 1)).toBe('BAD_REQUEST');
  });
});
