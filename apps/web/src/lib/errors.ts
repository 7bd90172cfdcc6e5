import { errorCode, errorMessage, fieldErrors, firstFieldErrors } from '@kapas/ui';

/** The error's `data.details` object, if the API sent one. */
export function errorDetails(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null || !('data' in error)) return {};
  const data = (error as { data: unknown }).data;
  if (typeof data !== 'object' || data === null || !('details' in data)) return {};
  const details = (data as { details: unknown }).details;
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
}

/** True when the API refuses everything until the user chooses a new password. */
export function isPasswordChangeRequired(error: unknown): boolean {
  return errorCode(error) === 'FORBIDDEN' && errorDetails(error).reason === 'PASSWORD_CHANGE_REQUIRED';
}

/**
 * Splits an API error into field messages for the fields the form shows and one form-level
 * message for everything else (or null when every problem has a field).
 */
export function formErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
): { fields: Partial<Record<Field, string>>; form: string | null } {
  const all = firstFieldErrors(error);
  const out: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const message = all[field];
    if (message) out[field] = message;
  }
  const unplaced = Object.keys(all).some((key) => !(fields as readonly string[]).includes(key));
  const placed = Object.keys(out).length > 0;
  return { fields: out, form: placed && !unplaced ? null : errorMessage(error) };
}

/** Every message the API gave for one field, joined (e.g. each failed password rule). */
export function allFieldMessages(error: unknown, field: string): string | undefined {
  const messages = fieldErrors(error)[field];
  return messages?.length ? messages.join(' ') : undefined;
}
