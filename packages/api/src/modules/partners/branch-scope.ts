import type { Actor } from '../../context';

/**
 * The branches an actor's partner-scoped rows are limited to: null = no branch limit (staff,
 * primary users, sub-users given every branch), otherwise the branch ids other modules filter by.
 */
export function branchScope(actor: Actor): null | string[] {
  if (actor.kind !== 'PARTNER' || actor.isPrimary) return null;
  return actor.branchIds && actor.branchIds.length > 0 ? [...actor.branchIds] : null;
}
