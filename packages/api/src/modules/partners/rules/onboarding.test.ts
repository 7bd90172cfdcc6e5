import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canTrade,
  isTerminal,
  PARTNER_EVENTS,
  PARTNER_STATES,
  type PartnerEvent,
  type PartnerState,
  tradeBlockCode,
  transition,
} from './onboarding';

function walk(events: PartnerEvent[], from: PartnerState = 'DRAFT'): PartnerState {
  return events.reduce((state, event) => {
    const r = transition(state, event);
    if (!r.ok) throw new Error(r.error.message);
    return r.state;
  }, from);
}

describe('partner onboarding', () => {
  it('follows DOMAIN §4 from draft to active and round trips', () => {
    expect(walk(['SUBMIT', 'VERIFY', 'APPROVE'])).toBe('ACTIVE');
    expect(walk(['SUSPEND', 'REINSTATE'], 'ACTIVE')).toBe('ACTIVE');
    expect(walk(['EXPIRE_KYC', 'RENEW_KYC'], 'ACTIVE')).toBe('ACTIVE');
    expect(walk(['SUBMIT', 'VERIFY', 'REJECT'])).toBe('REJECTED');
    expect(walk(['BLACKLIST'], 'SUSPENDED')).toBe('BLACKLISTED');
    expect(walk(['DEACTIVATE'], 'KYC_EXPIRED')).toBe('INACTIVE');
  });

  it('refuses skipped steps with a CONFLICT naming the current state', () => {
    const r = transition('DRAFT', 'APPROVE');
    expect(r).toEqual({
      ok: false,
      error: { code: 'CONFLICT', state: 'DRAFT', event: 'APPROVE', message: 'Partner is DRAFT; APPROVE is not possible' },
    });
    expect(transition('SUSPENDED', 'RENEW_KYC').ok).toBe(false);
    expect(transition('KYC_EXPIRED', 'REINSTATE').ok).toBe(false);
  });

  it('has exactly REJECTED, BLACKLISTED and INACTIVE as terminal states', () => {
    expect(PARTNER_STATES.filter(isTerminal)).toEqual(['REJECTED', 'BLACKLISTED', 'INACTIVE']);
  });

  it('allows no transition out of a terminal state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PartnerState>('REJECTED', 'BLACKLISTED', 'INACTIVE'),
        fc.constantFrom(...PARTNER_EVENTS),
        (s, e) => {
          const r = transition(s, e);
          return !r.ok && r.error.state === s;
        },
      ),
    );
  });

  it('only reaches ACTIVE through approval, reinstatement or KYC renewal', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARTNER_EVENTS), { maxLength: 25 }), (events) => {
        let state: PartnerState = 'DRAFT';
        for (const event of events) {
          const r = transition(state, event);
          if (!r.ok) continue;
          if (r.state === 'ACTIVE' && !['APPROVE', 'REINSTATE', 'RENEW_KYC'].includes(event)) return false;
          if (isTerminal(state)) return false;
          state = r.state;
        }
        return true;
      }),
    );
  });

  it('lets only ACTIVE partners trade and names the reason otherwise', () => {
    expect(PARTNER_STATES.filter(canTrade)).toEqual(['ACTIVE']);
    expect(tradeBlockCode('ACTIVE')).toBeNull();
    expect(tradeBlockCode('KYC_EXPIRED')).toBe('KYC_EXPIRED');
    expect(tradeBlockCode('SUSPENDED')).toBe('PARTNER_NOT_ACTIVE');
  });
});
