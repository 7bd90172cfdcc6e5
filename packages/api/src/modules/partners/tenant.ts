import type { Actor } from '../../context';
import { DomainError } from '../../errors';

/** The calling partner user's own partner id (the tenant filter of every `company.*` call). */
export function ownPartnerId(actor: Actor): string {
  if (actor.kind !== 'PARTNER' || !actor.partnerId) throw new DomainError('FORBIDDEN', 'This is for partner users only.');
  return actor.partnerId;
}
