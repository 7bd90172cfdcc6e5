import { canReceive } from '../../realtime/audience';
import { streamEvents } from '../../realtime/stream';
import { procedure, router } from '../../trpc';
import { SECURITY_TOPIC } from './record';
import { acknowledgeInput, listSecurityEventsInput, onSecurityEventInput } from './schemas';
import * as security from './service';

// Who may call what is declared in authorization.ts (list/onEvent: audit:read, acknowledge: user:manage).
export const securityEventsRouter = router({
  list: procedure.input(listSecurityEventsInput).query(({ ctx, input }) => security.listSecurityEvents(ctx.deps.db, input)),
  acknowledge: procedure.input(acknowledgeInput).mutation(({ ctx, input }) => security.acknowledgeSecurityEvent(ctx, input.id)),

  /**
   * Live feed of new security events (type = the event type, payload `{ id, severity }`) and of
   * acknowledgements (type `ACKNOWLEDGED`, payload `{ id, acknowledgedBy }`); pass the last id seen to resume.
   */
  onEvent: procedure.input(onSecurityEventInput).subscription(({ ctx, input, signal }) =>
    streamEvents({
      db: ctx.deps.db,
      bus: ctx.deps.bus,
      topic: SECURITY_TOPIC,
      lastEventId: input.lastEventId ?? null,
      accept: (event) => canReceive(ctx.actor, event),
      signal,
    }),
  ),
});
