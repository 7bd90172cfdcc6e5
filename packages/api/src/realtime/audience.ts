import type { Actor } from '../context';
import type { EventRow } from './bus';

/** Whether an actor may receive an event: the rule applied to every row before it is pushed or replayed. */
export function canReceive(
  actor: Pick<Actor, 'userId' | 'partnerId' | 'kind'> & { capabilities?: ReadonlySet<string> },
  event: Pick<EventRow, 'audience' | 'audienceId'> & { parties?: string[] | null },
): boolean {
  switch (event.audience) {
    case 'ALL_SIGNED_IN':
      return true;
    case 'BACK_OFFICE':
      return actor.kind === 'BACK_OFFICE';
    case 'PARTNER':
      return actor.partnerId !== null && actor.partnerId === event.audienceId;
    case 'USER':
      return actor.userId === event.audienceId;
    case 'PARTIES':
      if (actor.kind === 'BACK_OFFICE') return actor.capabilities?.has('trade:read') ?? false;
      return actor.partnerId !== null && (event.parties ?? []).includes(actor.partnerId);
    default:
      return false;
  }
}
