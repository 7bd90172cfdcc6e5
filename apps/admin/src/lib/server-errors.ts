import { errorMessage, firstFieldErrors } from '@kapas/ui';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

/**
 * Puts the API's field errors next to their fields (dotted paths such as `qualityTemplate.2.max`
 * are react-hook-form paths too) and returns the message to show elsewhere, or null.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  knownField: (path: string) => boolean,
  normalize: (path: string) => string = (path) => path,
): string | null {
  const unplaced: string[] = [];
  let placed = 0;
  for (const [rawPath, message] of Object.entries(firstFieldErrors(error))) {
    const path = normalize(rawPath);
    if (knownField(path)) {
      setError(path as Path<T>, { type: 'server', message }, { shouldFocus: placed === 0 });
      placed += 1;
    } else {
      unplaced.push(rawPath === '_' ? message : `${rawPath}: ${message}`);
    }
  }
  if (unplaced.length > 0) return unplaced.join(' · ');
  return placed > 0 ? null : errorMessage(error);
}
