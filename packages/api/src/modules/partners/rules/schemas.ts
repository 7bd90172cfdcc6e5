/**
 * Zod schemas built from the validators, for tRPC inputs and react-hook-form alike, so the
 * browser and the API reject with the same message. Identifiers are trimmed and upper-cased
 * first because people type them in lower case; the validator then sees the canonical form.
 */
import { z } from 'zod';
import {
  type ValidationMessage,
  validateAadhaar,
  validateBankAccount,
  validateCin,
  validateGstin,
  validateIfsc,
  validateMobile,
  validatePan,
  validatePincode,
} from './validators';

function checked(validate: (value: string) => ValidationMessage, normalise: (value: string) => string) {
  return z
    .string()
    .transform(normalise)
    .superRefine((value, ctx) => {
      const message = validate(value);
      if (message !== null) ctx.addIssue({ code: 'custom', message });
    });
}

const upper = (value: string) => value.trim().toUpperCase();
// People write spaces and dashes in long numbers ("2345 6789 0123", "98250-12345").
const digitsOnly = (value: string) => value.replace(/[\s-]/g, '');

export const panSchema = checked(validatePan, upper);
export const gstinSchema = checked((v) => validateGstin(v), upper);
export const ifscSchema = checked(validateIfsc, upper);
export const mobileSchema = checked(validateMobile, digitsOnly);
export const pincodeSchema = checked(validatePincode, (v) => v.trim());
export const aadhaarSchema = checked(validateAadhaar, digitsOnly);
export const cinSchema = checked(validateCin, upper);
export const bankAccountSchema = checked(validateBankAccount, digitsOnly);

/**
 * Cross-field rule for an object holding both a PAN and a GSTIN: reported on the `gstin` path so
 * the form puts the message under the GSTIN input. Use with `.superRefine(gstinMatchesPan)`.
 */
export function gstinMatchesPan(value: { pan?: string | null; gstin?: string | null }, ctx: z.RefinementCtx): void {
  if (!value.pan || !value.gstin) return;
  const message = validateGstin(value.gstin, value.pan);
  if (message !== null) ctx.addIssue({ code: 'custom', message, path: ['gstin'] });
}
