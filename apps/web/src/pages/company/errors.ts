import { errorMessage, firstFieldErrors } from '@kapas/ui';

/** Splits a proposal's field errors into the ones this form shows and one message for the rest. */
export function proposalErrors(
  error: unknown,
  mine: (path: string) => boolean,
): { fields: Record<string, string>; form: string | null } {
  const all = firstFieldErrors(error);
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(all)) {
    if (mine(path)) fields[path] = message;
    else rest.push(path === '_' ? message : `${path}: ${message}`);
  }
  if (rest.length) return { fields, form: rest.join(' · ') };
  return { fields, form: Object.keys(fields).length ? null : errorMessage(error) };
}
