import { describe, expect, it } from 'vitest';
import { PARTNER_STATES } from '../partners/rules/onboarding';
import { partnerMaySignIn, partnerRefusalMessage } from './partner-gate';

describe('partner gate', () => {
  it('lets only ACTIVE and KYC_EXPIRED partners’ users sign in', () => {
    const allowed = PARTNER_STATES.filter((s) => partnerMaySignIn({ kind: 'PARTNER' }, s));
    expect(allowed).toEqual(['ACTIVE', 'KYC_EXPIRED']);
    expect(partnerMaySignIn({ kind: 'PARTNER' }, null)).toBe(false);
  });

  it('never stops back-office staff, who have no partner', () => {
    expect(partnerMaySignIn({ kind: 'BACK_OFFICE' }, null)).toBe(true);
  });

  it('tells a refused user why, in words', () => {
    expect(partnerRefusalMessage('SUSPENDED')).toMatch(/suspended/);
    for (const s of ['BLACKLISTED', 'INACTIVE', 'REJECTED']) expect(partnerRefusalMessage(s)).toMatch(/closed/);
    for (const s of ['DRAFT', 'PENDING_VERIFICATION', 'PENDING_APPROVAL', null]) {
      expect(partnerRefusalMessage(s)).toMatch(/not active yet/);
    }
  });
});
