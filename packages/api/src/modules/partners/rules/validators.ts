/**
 * Field validators of DOMAIN §4. Each returns null when the value is valid, otherwise the one
 * human message both the form and the API show. They validate the exact string: normalising
 * (trim, upper-case) is the schema's job, so a validator never hides what it was given.
 * Browser-safe: no node imports.
 */
import { gstinCheckCharacter, hasValidVerhoeff } from './check-digits';
import { GST_STATE_CODES, isGstStateCode } from './gst-state-codes';

export { gstinCheckCharacter, hasValidVerhoeff, verhoeffCheckDigit } from './check-digits';
export { GST_STATE_CODES, isGstStateCode } from './gst-state-codes';

export type ValidationMessage = string | null;

const PAN = /^[A-Z]{5}[0-9]{4}[A-Z]$/;
const GSTIN = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;
const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;
const MOBILE = /^(\+91)?[6-9][0-9]{9}$/;
const PINCODE = /^[1-9][0-9]{5}$/;
const AADHAAR = /^[0-9]{12}$/;
const CIN = /^[UL][0-9]{5}[A-Z]{2}[0-9]{4}[A-Z]{3}[0-9]{6}$/;
const BANK_ACCOUNT = /^[0-9]{9,18}$/;

export function validatePan(value: string): ValidationMessage {
  return PAN.test(value) ? null : 'PAN must be 5 letters, 4 digits and a letter, e.g. ABCDE1234F';
}

/** `pan`, when given, must equal characters 3–12 of the GSTIN (a GSTIN is issued against a PAN). */
export function validateGstin(value: string, pan?: string): ValidationMessage {
  if (!GSTIN.test(value)) {
    return 'GSTIN must be 15 characters: state code, PAN, entity number, Z and a check character';
  }
  const state = value.slice(0, 2);
  if (!isGstStateCode(state)) return `GSTIN starts with ${state}, which is not a GST state code`;
  if (pan !== undefined && value.slice(2, 12) !== pan) return 'GSTIN does not contain the PAN of this partner';
  if (gstinCheckCharacter(value.slice(0, 14)) !== value.charAt(14)) {
    return 'GSTIN check character is wrong; please re-check the number';
  }
  return null;
}

/** The state a valid GSTIN was registered in, for "one GSTIN per state branch". */
export function gstinStateName(value: string): string | null {
  return validateGstin(value) === null ? (GST_STATE_CODES[value.slice(0, 2)] ?? null) : null;
}

export function validateIfsc(value: string): ValidationMessage {
  return IFSC.test(value) ? null : 'IFSC must be 4 letters, 0 and 6 letters or digits, e.g. SBIN0001234';
}

export function validateMobile(value: string): ValidationMessage {
  return MOBILE.test(value) ? null : 'Mobile must be a 10-digit Indian number starting with 6–9, optionally with +91';
}

export function validatePincode(value: string): ValidationMessage {
  return PINCODE.test(value) ? null : 'Pincode must be 6 digits and cannot start with 0';
}

export function validateAadhaar(value: string): ValidationMessage {
  if (!AADHAAR.test(value)) return 'Aadhaar must be 12 digits';
  // UIDAI never issues numbers starting with 0 or 1.
  if (value.startsWith('0') || value.startsWith('1')) return 'Aadhaar cannot start with 0 or 1';
  if (!hasValidVerhoeff(value)) return 'Aadhaar check digit is wrong; please re-check the number';
  return null;
}

export function validateCin(value: string): ValidationMessage {
  return CIN.test(value) ? null : 'CIN must be 21 characters, e.g. U17111GJ2010PTC012345';
}

export function validateBankAccount(value: string): ValidationMessage {
  return BANK_ACCOUNT.test(value) ? null : 'Bank account number must be 9 to 18 digits';
}
