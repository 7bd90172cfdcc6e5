import { errorCode, fieldErrors, isKapasError } from '@kapas/client';

export { errorCode, fieldErrors };

/** A message fit for a toast or an inline alert, for any error the API or the network may raise. */
export function errorMessage(error: unknown): string {
  if (isKapasError(error)) {
    if (errorCode(error) === 'INTERNAL' || !error.message) return 'Something went wrong. Please try again.';
    return error.message;
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

/** The first message for each field path, e.g. `{ code: 'Code is already used', 'qualityTemplate.2.max': '…' }`. */
export function firstFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fieldErrors(error))) {
    const first = messages[0];
    if (first) out[path] = first;
  }
  return out;
}
