/** Field checks of the operator's own companies, with the shared PAN/GSTIN validators (DOMAIN §4). */
import type { FieldErrors } from '../../../errors';
import { validateGstin, validatePan } from '../../partners/rules/validators';

export function organizationErrors(input: { pan: string | null; gstin: string | null }): FieldErrors {
  const errors: FieldErrors = {};
  const panError = input.pan === null ? null : validatePan(input.pan);
  if (panError) errors.pan = [panError];
  if (input.gstin !== null) {
    // Compare with the PAN only when the PAN itself is valid, so one mistake gives one message.
    const gstinError = validateGstin(input.gstin, input.pan !== null && !panError ? input.pan : undefined);
    if (gstinError) errors.gstin = [gstinError];
  }
  return errors;
}
