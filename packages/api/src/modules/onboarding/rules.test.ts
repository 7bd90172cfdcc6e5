import { describe, expect, it } from 'vitest';
import { branchErrors, canonicalMobile, contactErrors, maskAadhaar, missingSteps, taxErrors } from './rules';
import { addressesStep, taxStep } from './schemas';

const PAN = 'AAACR1111A';
const GJ = '24AAACR1111A1ZH';
const MH = '27AAACR1111A1ZB';
const head = { code: 'HO', isHeadOffice: true, gstin: GJ, stateCode: '24' };

describe('branch rules', () => {
  it('accepts one head office with one GSTIN per state', () => {
    expect(branchErrors([head, { code: 'MUM', isHeadOffice: false, gstin: MH, stateCode: '27' }], PAN)).toEqual({});
  });

  it('needs exactly one head office', () => {
    expect(branchErrors([{ ...head, isHeadOffice: false }], PAN)).toHaveProperty('branches');
    expect(branchErrors([head, { ...head, code: 'HO2' }], PAN)).toHaveProperty(['branches.1.isHeadOffice']);
  });

  it('refuses duplicate codes, case-insensitively', () => {
    expect(branchErrors([head, { code: 'ho', isHeadOffice: false, stateCode: '24' }], PAN)).toHaveProperty(['branches.1.code']);
  });

  it('refuses a GSTIN of another state and two GSTINs in one state', () => {
    expect(branchErrors([{ ...head, stateCode: '27' }], PAN)['branches.0.gstin']?.[0]).toMatch(/state 24/);
    const other = '24AAACP2222B1ZB';
    expect(branchErrors([head, { code: 'B2', isHeadOffice: false, gstin: other, stateCode: '24' }], null)).toHaveProperty([
      'branches.1.gstin',
    ]);
  });

  it('checks branch GSTINs against the PAN when it is known', () => {
    expect(branchErrors([{ ...head, gstin: '24AAACP2222B1ZB' }], PAN)['branches.0.gstin']?.[0]).toMatch(/PAN/);
    expect(branchErrors([{ ...head, gstin: '24AAACP2222B1ZB' }], null)).toEqual({});
  });
});

describe('tax rules', () => {
  const seller = { businessType: 'SELLER', registrationType: 'COMPANY' };
  it('requires a GSTIN for buyers, sellers and traders only', () => {
    expect(taxErrors({ pan: PAN }, seller)).toHaveProperty('gstin');
    expect(taxErrors({ pan: PAN }, { ...seller, businessType: 'BROKER' })).toEqual({});
  });
  it('keeps Aadhaar for individuals', () => {
    expect(taxErrors({ pan: PAN, gstin: GJ, aadhaar: '234567890124' }, seller)).toHaveProperty('aadhaar');
    expect(taxErrors({ pan: PAN, gstin: GJ }, { ...seller, registrationType: 'INDIVIDUAL' })).toHaveProperty('aadhaar');
    expect(
      taxErrors({ pan: PAN, gstin: GJ, aadhaarMasked: 'XXXX-XXXX-0124' }, { ...seller, registrationType: 'INDIVIDUAL' }),
    ).toEqual({});
  });
  it('the step schema normalises and checks the GSTIN against the PAN', () => {
    expect(taxStep.parse({ pan: ' aaacr1111a ', gstin: GJ.toLowerCase() })).toMatchObject({ pan: PAN, gstin: GJ });
    const bad = taxStep.safeParse({ pan: 'AAACP2222B', gstin: GJ });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['gstin']);
  });
});

describe('contacts and formatting', () => {
  it('needs exactly one primary contact and distinct emails', () => {
    const c = { email: 'a@x.example', mobile: '9876500001', isPrimary: true };
    expect(contactErrors([c])).toEqual({});
    expect(contactErrors([c, { ...c, isPrimary: false }])).toHaveProperty(['contacts.1.email']);
    expect(contactErrors([c, { ...c, email: 'b@x.example' }])).toHaveProperty('contacts');
  });
  it('masks Aadhaar and spells mobiles one way', () => {
    expect(maskAadhaar('234567890124')).toBe('XXXX-XXXX-0124');
    expect(canonicalMobile('98765-00001')).toBe('+919876500001');
    expect(canonicalMobile('+919876500001')).toBe('+919876500001');
  });
  it('the addresses schema reports branch rules on the branch paths', () => {
    const branch = {
      code: 'HO',
      name: 'Head office',
      isHeadOffice: true,
      stateCode: '24',
      line1: 'Road 1',
      city: 'Rajkot',
      pincode: '360001',
    };
    const r = addressesStep.safeParse({
      registered: { line1: 'Road 1', city: 'Rajkot', stateCode: '24', pincode: '360001' },
      shipTo: [],
      branches: [branch, { ...branch, code: 'HO2' }],
    });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('branches.1.isHeadOffice');
  });
});

describe('missing steps', () => {
  const complete = {
    legalName: 'X',
    contacts: 1,
    pan: PAN,
    taxErrors: {},
    registeredAddress: true,
    branches: 1,
    bankAccounts: 1,
    consents: { terms: 't', privacy: 'p' },
  };
  it('lists incomplete steps in wizard order', () => {
    expect(missingSteps(complete)).toEqual([]);
    expect(missingSteps({ ...complete, contacts: 0, bankAccounts: 0, consents: {} })).toEqual(['contacts', 'bank', 'consents']);
    expect(missingSteps({ ...complete, taxErrors: { gstin: ['required'] } })).toEqual(['tax']);
  });
});

describe('demo seed partners', () => {
  it('carry valid GSTINs that match their PAN', async () => {
    // The seed lives in the db package, which cannot import these validators itself.
    const { LIFECYCLE_PARTNERS } = await import('../../../../db/src/seed-partners');
    for (const p of LIFECYCLE_PARTNERS) {
      expect(taxStep.safeParse({ pan: p.pan, gstin: p.gstin }).success, p.legalName).toBe(true);
    }
  });
});
