import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateErrors, daysToExpiry, expiryReminderKind, isExpiring, isPastExpiry } from './expiry';
import { CERTIFICATION_EVENTS, CERTIFICATION_STATES, certificationTransition } from './state';

describe('certification state machine', () => {
  it('follows DOMAIN §4', () => {
    expect(certificationTransition('PENDING_VERIFICATION', 'VERIFY')).toEqual({ ok: true, state: 'VERIFIED' });
    expect(certificationTransition('PENDING_VERIFICATION', 'REJECT')).toEqual({ ok: true, state: 'REJECTED' });
    expect(certificationTransition('REJECTED', 'EDIT')).toEqual({ ok: true, state: 'PENDING_VERIFICATION' });
    expect(certificationTransition('VERIFIED', 'EXPIRE')).toEqual({ ok: true, state: 'EXPIRED' });
    expect(certificationTransition('VERIFIED', 'SUSPEND')).toEqual({ ok: true, state: 'SUSPENDED' });
  });

  it('refuses everything else with a CONFLICT naming the current state', () => {
    const refused = certificationTransition('VERIFIED', 'EDIT');
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({ code: 'CONFLICT', state: 'VERIFIED', message: expect.stringContaining('VERIFIED') });
    expect(certificationTransition('REJECTED', 'VERIFY').ok).toBe(false);
    expect(certificationTransition('PENDING_VERIFICATION', 'SUSPEND').ok).toBe(false);
    expect(certificationTransition('PENDING_VERIFICATION', 'EXPIRE').ok).toBe(false);
  });

  it('never leaves a terminal state and only VERIFY reaches VERIFIED', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CERTIFICATION_STATES), fc.constantFrom(...CERTIFICATION_EVENTS), (state, event) => {
        const t = certificationTransition(state, event);
        if (state === 'EXPIRED' || state === 'SUSPENDED') expect(t.ok).toBe(false);
        if (t.ok && t.state === 'VERIFIED') expect(event).toBe('VERIFY');
      }),
    );
  });
});

describe('certification expiry dates', () => {
  const now = new Date('2026-12-04T20:00:00Z');
  it('counts calendar days and is valid through the expiry day', () => {
    expect(daysToExpiry('2026-12-04', now)).toBe(0);
    expect(daysToExpiry('2027-01-03', now)).toBe(30);
    expect(isPastExpiry('2026-12-04', now)).toBe(false);
    expect(isPastExpiry('2026-12-03', now)).toBe(true);
    expect(isExpiring('2027-03-04', now, 90)).toBe(true);
    expect(isExpiring('2027-03-05', now, 90)).toBe(false);
    expect(isExpiring('2026-12-03', now, 90)).toBe(false);
  });

  it('reminds on the 30th and 7th day only', () => {
    expect(expiryReminderKind('2027-01-03', now)).toBe('CERT_EXPIRY_30');
    expect(expiryReminderKind('2026-12-11', now)).toBe('CERT_EXPIRY_7');
    expect(expiryReminderKind('2026-12-12', now)).toBeNull();
    expect(expiryReminderKind('2026-12-04', now)).toBeNull();
  });

  it('checks the dates', () => {
    expect(dateErrors('2026-01-01', '2027-01-01')).toEqual({});
    expect(dateErrors('2026-01-01', '2026-01-01').expiresOn).toBeDefined();
    expect(dateErrors('2026-02-30', '2027-01-01').issuedOn).toBeDefined();
  });
});
