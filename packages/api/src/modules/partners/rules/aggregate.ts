/**
 * Cross-field rules of the partner aggregate (DOMAIN §4), checked on the whole proposed state:
 * the GSTIN carries the PAN, exactly one head office, branch codes unique within the partner,
 * one GSTIN per state, a branch's GSTIN registered in the branch's state, one primary bank
 * account and contact. Field paths match the `company.proposeChange` input so forms can show them.
 */
import type { FieldErrors } from '../../../errors';
import type { PartnerSnapshot } from '../snapshot';
import { validateGstin } from './validators';

function add(errors: FieldErrors, path: string, message: string): void {
  errors[path] = [...(errors[path] ?? []), message];
}

function checkBranches(s: PartnerSnapshot, errors: FieldErrors): void {
  const active = s.branches.filter((b) => b.active);
  if (s.branches.length > 0 && active.filter((b) => b.isHeadOffice).length !== 1) {
    add(errors, 'branches', 'Exactly one active branch must be the head office');
  }
  const seenCodes = new Set<string>();
  const gstinByState = new Map<string, string>();
  s.branches.forEach((b, i) => {
    if (seenCodes.has(b.code)) add(errors, `branches.${i}.code`, `Branch code ${b.code} is used twice`);
    seenCodes.add(b.code);
    if (!b.gstin) return;
    if (b.gstin.slice(0, 2) !== b.stateCode) {
      add(errors, `branches.${i}.gstin`, `This GSTIN is registered in state ${b.gstin.slice(0, 2)}, not ${b.stateCode}`);
    }
    const message = validateGstin(b.gstin, s.profile.pan ?? undefined);
    if (message) add(errors, `branches.${i}.gstin`, message);
    if (!b.active) return;
    const other = gstinByState.get(b.stateCode);
    if (other && other !== b.gstin) add(errors, `branches.${i}.gstin`, `State ${b.stateCode} already has GSTIN ${other}`);
    gstinByState.set(b.stateCode, b.gstin);
  });
}

export function aggregateErrors(s: PartnerSnapshot): FieldErrors {
  const errors: FieldErrors = {};
  if (s.profile.gstin) {
    const message = validateGstin(s.profile.gstin, s.profile.pan ?? undefined);
    if (message) add(errors, 'profile.gstin', message);
  }
  if (['BUYER', 'SELLER', 'TRADER'].includes(s.profile.businessType) && !s.profile.gstin) {
    add(errors, 'profile.gstin', 'GSTIN is required for buyers, sellers and traders');
  }
  checkBranches(s, errors);
  if (s.bankAccounts.length > 0 && s.bankAccounts.filter((b) => b.isPrimary).length !== 1) {
    add(errors, 'bankAccounts', 'Mark exactly one bank account as primary');
  }
  const accounts = new Set<string>();
  s.bankAccounts.forEach((b, i) => {
    const key = `${b.ifsc}/${b.accountNumber}`;
    if (accounts.has(key)) add(errors, `bankAccounts.${i}.accountNumber`, 'This account is listed twice');
    accounts.add(key);
  });
  if (s.contacts.filter((c) => c.isPrimary).length > 1) add(errors, 'contacts', 'Only one contact can be primary');
  const emails = new Set<string>();
  s.contacts.forEach((c, i) => {
    if (emails.has(c.email)) add(errors, `contacts.${i}.email`, 'This email is listed twice');
    emails.add(c.email);
  });
  return errors;
}
