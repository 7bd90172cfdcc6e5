import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocation';
import { Dec } from './decimal';
import { type LotQuantities, lotMachine, moveLotQuantity } from './lot-state';
import { isLiveOffer, offerMachine } from './offer-state';
import type { Machine } from './state-machine';
import { acceptsOffers, cancelTrade, tradeMachine } from './trade-state';

function machineProperties<S extends string, E extends string>(name: string, machine: Machine<S, E>, terminal: S[]) {
  describe(`${name} machine`, () => {
    it('has exactly the terminal states of the spec', () => {
      expect(machine.states.filter((s) => machine.isTerminal(s))).toEqual(terminal);
    });
    it('allows no transition out of a terminal state, and the error names the state', () => {
      fc.assert(
        fc.property(fc.constantFrom(...terminal), fc.constantFrom(...machine.events), (state, event) => {
          const result = machine.transition(state, event);
          return !result.ok && result.error.state === state && result.error.message.includes(state);
        }),
      );
    });
    it('random event sequences stay inside the table and never leave a terminal state', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...machine.states),
          fc.array(fc.constantFrom(...machine.events), { maxLength: 30 }),
          (start, events) => {
            let state = start;
            for (const event of events) {
              const wasTerminal = machine.isTerminal(state);
              const result = machine.transition(state, event);
              if (result.ok) {
                if (wasTerminal) return false;
                if (!machine.states.includes(result.state)) return false;
                state = result.state;
              }
            }
            return true;
          },
        ),
      );
    });
  });
}

machineProperties('trade', tradeMachine, ['COMPLETED', 'EXPIRED', 'CANCELLED']);
machineProperties('offer', offerMachine, ['ACCEPTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED']);
machineProperties('lot', lotMachine, ['DEPLETED', 'EXPIRED', 'WITHDRAWN']);

describe('trade transitions', () => {
  it('walks the happy path of DOMAIN §6.1', () => {
    const path = ['POST', 'OFFER_RECEIVED', 'COUNTER', 'PARTLY_ALLOCATED', 'FULLY_ALLOCATED', 'COMPLETE'] as const;
    const states: string[] = [];
    let state: (typeof tradeMachine.states)[number] = 'DRAFT';
    for (const event of path) {
      const r = tradeMachine.transition(state, event);
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
      states.push(state);
    }
    expect(states).toEqual(['POSTED', 'OFFERS_RECEIVED', 'NEGOTIATION', 'NEGOTIATION', 'AGREED', 'COMPLETED']);
  });
  it('uses TRADE_EXPIRED and TRADE_CLOSED for late events', () => {
    const expired = tradeMachine.transition('EXPIRED', 'OFFER_RECEIVED');
    const agreed = tradeMachine.transition('AGREED', 'OFFER_RECEIVED');
    expect(!expired.ok && expired.error.code).toBe('TRADE_EXPIRED');
    expect(!agreed.ok && agreed.error.code).toBe('TRADE_CLOSED');
    expect(acceptsOffers('NEGOTIATION')).toBe(true);
    expect(acceptsOffers('AGREED')).toBe(false);
  });
  it('cancels only while nothing is allocated', () => {
    expect(cancelTrade('NEGOTIATION', '0')).toEqual({ ok: true, state: 'CANCELLED' });
    const partly = cancelTrade('NEGOTIATION', '100');
    expect(!partly.ok && partly.error.code).toBe('TRADE_CLOSED');
    expect(cancelTrade('AGREED', '0').ok).toBe(false);
  });
  it('cannot post twice or expire a draft', () => {
    expect(tradeMachine.can('POSTED', 'POST')).toBe(false);
    expect(tradeMachine.can('DRAFT', 'EXPIRE')).toBe(false);
  });
});

describe('offer transitions', () => {
  it('counters keep the offer live; EXPIRED answers with OFFER_EXPIRED', () => {
    expect(offerMachine.transition('PENDING', 'COUNTER')).toEqual({ ok: true, state: 'COUNTERED' });
    expect(offerMachine.transition('COUNTERED', 'COUNTER')).toEqual({ ok: true, state: 'COUNTERED' });
    const late = offerMachine.transition('EXPIRED', 'ACCEPT');
    expect(!late.ok && late.error.code).toBe('OFFER_EXPIRED');
    expect(isLiveOffer('COUNTERED')).toBe(true);
    expect(isLiveOffer('ACCEPTED')).toBe(false);
  });
});

describe('split acceptance', () => {
  const milli = fc.integer({ min: 1, max: 500_000 }).map((n) => new Dec(n).dividedBy(1000).toFixed(3));
  it('never allocates beyond the trade quantity; AGREED exactly when fully allocated', () => {
    fc.assert(
      fc.property(milli, fc.array(milli, { maxLength: 20 }), (total, accepts) => {
        let allocated = '0';
        for (const q of accepts) {
          const r = allocate(total, allocated, q);
          if (r.ok) {
            allocated = r.allocated;
            if (r.fullyAllocated !== new Dec(allocated).eq(total)) return false;
            if (!new Dec(r.remaining).plus(r.allocated).eq(total)) return false;
          } else if (r.code !== 'INSUFFICIENT_QUANTITY' || !new Dec(q).gt(new Dec(total).minus(allocated))) {
            return false;
          }
          if (new Dec(allocated).gt(total)) return false;
        }
        return true;
      }),
    );
  });
  it('fills 500 bales with three sellers', () => {
    const a = allocate('500', '0', '200');
    expect(a).toEqual({ ok: true, allocated: '200.000', remaining: '300.000', fullyAllocated: false });
    expect(allocate('500', '200', '300.001')).toMatchObject({ ok: false, code: 'INSUFFICIENT_QUANTITY', remaining: '300.000' });
    expect(allocate('500', '200', '300')).toMatchObject({ ok: true, fullyAllocated: true, remaining: '0.000' });
    expect(allocate('500', '0', '0')).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(allocate('0.3', '0.1', '0.2')).toMatchObject({ ok: true, fullyAllocated: true });
  });
});

describe('lot quantities', () => {
  it('conserve the lot total across reserve, release and sell, and never go negative', () => {
    const move = fc.tuple(
      fc.constantFrom('RESERVE' as const, 'RELEASE' as const, 'SELL' as const),
      fc.integer({ min: 1, max: 300 }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.array(move, { maxLength: 30 }), (total, moves) => {
        let q: LotQuantities = { available: String(total), reserved: '0', sold: '0' };
        for (const [kind, n] of moves) {
          const r = moveLotQuantity(q, kind, n);
          if (!r.ok) continue;
          q = r.quantities;
          const values = [q.available, q.reserved, q.sold].map((v) => new Dec(v));
          if (values.some((v) => v.isNeg())) return false;
          if (!values.reduce((a, b) => a.plus(b)).eq(total)) return false;
          if (r.depleted !== (values[0]!.isZero() && values[1]!.isZero())) return false;
        }
        return true;
      }),
    );
  });
  it('refuses to reserve more than is available', () => {
    const r = moveLotQuantity({ available: '10', reserved: '0', sold: '0' }, 'RESERVE', '10.5');
    expect(r).toMatchObject({ ok: false, code: 'INSUFFICIENT_QUANTITY' });
  });
});
