/**
 * Pure rules of the onboarding wizard (DOMAIN §4). Each returns field errors keyed by dotted path
 * (empty object = valid), so the form and the API show the same message under the same input.
 * Browser-safe.
 */
import { validateGstin } from '../partners/rules/validators';

export type FieldErrorMap = Record<string, string[]>;

function add(errors: FieldErrorMap, path: string, message: string): void {
  const list = errors[path] ?? [];
  list.push(message);
  errors[path] = list;
}

export type BranchInput = { code: string; isHeadOffice: boolean; gstin?: string | null | undefined; stateCode: string };

/**
 * Exactly one head office; codes unique within the partner; at most one GSTIN per state; a
 * branch's GSTIN is registered in the branch's state and, when the PAN is known, carries it.
 */
export function branchErrors(branches: readonly BranchInput[], pan: string | null): FieldErrorMap {
  const errors: FieldErrorMap = {};
  const heads = branches.filter((b) => b.isHeadOffice).length;
  if (heads === 0) add(errors, 'branches', 'Mark exactly one branch as the head office');
  const codes = new Map<string, number>();
  const gstinByState = new Map<string, string>();
  let headsSeen = 0;
  branches.forEach((b, i) => {
    if (b.isHeadOffice && ++headsSeen > 1) add(errors, `branches.${i}.isHeadOffice`, 'Only one branch can be the head office');
    const code = b.code.trim().toUpperCase();
    if (codes.has(code)) add(errors, `branches.${i}.code`, `Code ${code} is already used by another branch`);
    else codes.set(code, i);
    if (!b.gstin) return;
    if (b.gstin.slice(0, 2) !== b.stateCode) {
      add(errors, `branches.${i}.gstin`, `This GSTIN is registered in state ${b.gstin.slice(0, 2)}, not in the branch's state`);
    }
    const other = gstinByState.get(b.stateCode);
    if (other !== undefined && other !== b.gstin) {
      add(errors, `branches.${i}.gstin`, 'A state can have only one GSTIN; use the same GSTIN for branches in one state');
    } else gstinByState.set(b.stateCode, b.gstin);
    if (pan) {
      const message = validateGstin(b.gstin, pan);
      if (message) add(errors, `branches.${i}.gstin`, message);
    }
  });
  return errors;
}

export type ContactInput = { email: string; mobile: string; isPrimary: boolean };

export function contactErrors(contacts: readonly ContactInput[]): FieldErrorMap {
  const errors: FieldErrorMap = {};
  if (contacts.length > 0 && contacts.filter((c) => c.isPrimary).length !== 1) {
    add(errors, 'contacts', 'Mark exactly one contact as primary');
  }
  const emails = new Set<string>();
  contacts.forEach((c, i) => {
    const email = c.email.toLowerCase();
    if (emails.has(email)) add(errors, `contacts.${i}.email`, 'This email is already listed');
    emails.add(email);
  });
  return errors;
}

/** Business types that invoice goods, so they must be GST-registered. */
export const GSTIN_REQUIRED_FOR: readonly string[] = ['BUYER', 'SELLER', 'TRADER'];

export type TaxInput = { pan: string | null; gstin?: string | null | undefined; aadhaar?: string | null | undefined };

/** The rules of the tax step that depend on the company step (business and registration type). */
export function taxErrors(
  tax: TaxInput & { aadhaarMasked?: string | null },
  company: { businessType: string; registrationType: string },
): FieldErrorMap {
  const errors: FieldErrorMap = {};
  if (!tax.pan) add(errors, 'pan', 'PAN is required');
  if (!tax.gstin && GSTIN_REQUIRED_FOR.includes(company.businessType)) {
    add(errors, 'gstin', `GSTIN is required for a ${company.businessType.toLowerCase()}`);
  }
  if (tax.gstin && tax.pan) {
    const message = validateGstin(tax.gstin, tax.pan);
    if (message) add(errors, 'gstin', message);
  }
  const hasAadhaar = Boolean(tax.aadhaar ?? tax.aadhaarMasked);
  if (company.registrationType === 'COMPANY' && tax.aadhaar) add(errors, 'aadhaar', 'Aadhaar is only for individuals');
  if (company.registrationType === 'INDIVIDUAL' && !hasAadhaar) add(errors, 'aadhaar', 'Aadhaar is required for individuals');
  return errors;
}

/** Keeps only the last 4 digits (the full number is validated, never stored). */
export function maskAadhaar(aadhaar: string): string {
  return `XXXX-XXXX-${aadhaar.slice(-4)}`;
}

/** One spelling per number (+91 and 10 digits) so duplicates and OTP targets compare equal. */
export function canonicalMobile(mobile: string): string {
  return `+91${mobile.replace(/\D/g, '').slice(-10)}`;
}

export type DraftShape = {
  legalName: string | null;
  contacts: number;
  pan: string | null;
  taxErrors: FieldErrorMap;
  registeredAddress: boolean;
  branches: number;
  bankAccounts: number;
  consents: Record<string, string>;
};

/** Steps that still lack mandatory data, in wizard order. */
export function missingSteps(d: DraftShape): string[] {
  const missing: string[] = [];
  if (!d.legalName) missing.push('company');
  if (d.contacts === 0) missing.push('contacts');
  if (!d.pan || Object.keys(d.taxErrors).length > 0) missing.push('tax');
  if (!d.registeredAddress || d.branches === 0) missing.push('addresses');
  if (d.bankAccounts === 0) missing.push('bank');
  if (!d.consents.terms || !d.consents.privacy) missing.push('consents');
  return missing;
}
