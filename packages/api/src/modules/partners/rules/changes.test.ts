import { describe, expect, it } from 'vitest';
import type { BranchItem, PartnerSnapshot } from '../snapshot';
import { aggregateErrors } from './aggregate';
import { applyTo, changeKeys, changesBetween, propose, staleKeys } from './changes';

const HO: BranchItem = {
  code: 'HO',
  name: 'Head office',
  isHeadOffice: true,
  gstin: '36AAGFD9012M1Z9',
  stateCode: '36',
  line1: 'MG Road',
  city: 'Hyderabad',
  pincode: '500001',
  active: true,
};

const base: PartnerSnapshot = {
  profile: {
    legalName: 'Deccan Cotton Traders Pvt Ltd',
    tradeName: 'Deccan Cotton',
    businessType: 'TRADER',
    registrationType: 'COMPANY',
    pan: 'AAGFD9012M',
    gstin: '36AAGFD9012M1Z9',
    cin: null,
    tan: null,
    email: null,
    mobile: null,
  },
  addresses: [],
  branches: [HO],
  bankAccounts: [],
  contacts: [],
};

describe('change sets', () => {
  it('keeps only the keys that differ, with the value they replace', () => {
    const proposed = propose(base, { profile: { ...base.profile, gstin: '36AAGFD9012M2Z8' } });
    const changes = changesBetween(base, proposed);
    expect(changes).toEqual({ gstin: { from: '36AAGFD9012M1Z9', to: '36AAGFD9012M2Z8' } });
    expect(applyTo(base, changes).profile.gstin).toBe('36AAGFD9012M2Z8');
  });

  it('keeps a branch left out of a proposal, deactivated', () => {
    const proposed = propose(base, { branches: [{ ...HO, code: 'HYD' }] });
    // Proposed rows first, in their positions (field errors point at them), then the dropped ones.
    expect(proposed.branches.map((b) => [b.code, b.active, b.isHeadOffice])).toEqual([
      ['HYD', true, true],
      ['HO', false, false],
    ]);
  });

  it('finds keys someone else changed meanwhile', () => {
    const changes = changesBetween(base, propose(base, { profile: { ...base.profile, tradeName: 'DCT' } }));
    expect(staleKeys(base, changes)).toEqual([]);
    const movedOn = { ...base, profile: { ...base.profile, tradeName: 'Deccan' } };
    expect(staleKeys(movedOn, changes)).toEqual(['tradeName']);
    const otherField = { ...base, profile: { ...base.profile, cin: 'U17111GJ2010PTC012345' } };
    expect(staleKeys(otherField, changes)).toEqual([]);
    expect(changeKeys(changes)).toEqual(['tradeName']);
  });
});

describe('aggregate rules', () => {
  it('accepts a consistent partner', () => {
    expect(aggregateErrors(base)).toEqual({});
  });

  it('requires the GSTIN to carry the PAN', () => {
    const errors = aggregateErrors({ ...base, profile: { ...base.profile, pan: 'AAPFD9012M' } });
    expect(errors['profile.gstin']).toBeDefined();
  });

  it('requires exactly one head office and unique branch codes', () => {
    const second = { ...HO, name: 'Second' };
    const errors = aggregateErrors({ ...base, branches: [HO, second] });
    expect(errors.branches).toBeDefined();
    expect(errors['branches.1.code']).toBeDefined();
    expect(aggregateErrors({ ...base, branches: [{ ...HO, isHeadOffice: false }] }).branches).toBeDefined();
  });

  it('allows one GSTIN per state and checks it belongs to the branch state', () => {
    const other = { ...HO, code: 'BR2', isHeadOffice: false, gstin: '36AAGFD9012M2Z8' };
    expect(aggregateErrors({ ...base, branches: [HO, other] })['branches.1.gstin']).toBeDefined();
    const wrongState = { ...HO, code: 'BR3', isHeadOffice: false, stateCode: '27' };
    expect(aggregateErrors({ ...base, branches: [HO, wrongState] })['branches.1.gstin']).toBeDefined();
    const sameState = { ...HO, code: 'BR4', isHeadOffice: false };
    expect(aggregateErrors({ ...base, branches: [HO, sameState] })).toEqual({});
  });

  it('requires one primary bank account and unique contact emails', () => {
    const acc = { accountName: 'DCT', accountNumber: '123456789012', ifsc: 'SBIN0001234', bankName: 'SBI', isPrimary: false };
    expect(aggregateErrors({ ...base, bankAccounts: [acc] }).bankAccounts).toBeDefined();
    const c = { name: 'A', designation: null, email: 'a@x.in', mobile: '9876543210', isPrimary: true };
    expect(aggregateErrors({ ...base, contacts: [c, { ...c, isPrimary: false }] })['contacts.1.email']).toBeDefined();
  });
});
