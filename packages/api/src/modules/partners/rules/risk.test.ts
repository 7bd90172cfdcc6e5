import { describe, expect, it } from 'vitest';
import type { ChangeKey } from '../snapshot';
import { isHighRisk, riskScore, routeFor } from './risk';

describe('change request risk', () => {
  it('auto-approves contact-only changes', () => {
    expect(routeFor(['contacts'])).toBe('AUTO');
    expect(riskScore(['contacts'])).toBeLessThan(20);
  });

  it.each<ChangeKey>(['pan', 'gstin', 'bankAccounts', 'legalName'])('always sends %s to approval', (key) => {
    expect(routeFor([key])).toBe('APPROVAL');
    expect(routeFor([key, 'contacts'])).toBe('APPROVAL');
    expect(isHighRisk([key])).toBe(true);
    expect(riskScore([key])).toBeGreaterThanOrEqual(50);
  });

  it('sends addresses, branches and other amendments to approval without calling them high-risk', () => {
    for (const key of ['addresses', 'branches', 'tradeName', 'cin', 'tan'] as ChangeKey[]) {
      expect(routeFor([key])).toBe('APPROVAL');
      expect(isHighRisk([key])).toBe(false);
    }
  });

  it('adds up, counts a key once and caps at 100', () => {
    expect(riskScore(['branches', 'contacts'])).toBe(riskScore(['branches']) + riskScore(['contacts']));
    expect(riskScore(['branches', 'branches'])).toBe(riskScore(['branches']));
    expect(riskScore(['pan', 'gstin', 'bankAccounts', 'legalName'])).toBe(100);
  });

  it('never auto-approves an empty change set', () => {
    expect(routeFor([])).toBe('APPROVAL');
  });
});
