import { z } from 'zod';
import { canReceive } from '../../realtime/audience';
import { lastEventIdInput } from '../../realtime/resume-input';
import { streamEvents } from '../../realtime/stream';
import { pageInput } from '../../shared/pagination';
import { procedure, router } from '../../trpc';
import { SESSION_TOPIC } from '../auth/session-store';
import * as service from './service';

const sessionId = z.object({ sessionId: z.string().regex(/^[a-z2-7]{24}$/, 'Unknown session') });

export const sessionsRouter = router({
  mine: procedure.query(({ ctx }) => service.mySessions(ctx.deps, ctx.actor)),
  end: procedure.input(sessionId).mutation(async ({ ctx, input }) => {
    await service.endMySession(ctx.deps, ctx.meta, ctx.actor, input.sessionId);
    return { ok: true as const };
  }),
  endOthers: procedure.mutation(async ({ ctx }) => ({ ended: await service.endMyOtherSessions(ctx.deps, ctx.meta, ctx.actor) })),
  list: procedure
    .input(pageInput.extend({ email: z.string().trim().max(254).optional() }))
    .query(({ ctx, input }) => service.listAllSessions(ctx.deps, ctx.actor, input)),
  revoke: procedure.input(sessionId).mutation(async ({ ctx, input }) => {
    await service.revokeSession(ctx.deps, ctx.meta, ctx.actor, input.sessionId);
    return { ok: true as const };
  }),
  /** The caller's session feed: "about to expire" warnings for this session, and ends of any of their sessions. */
  onEvent: procedure.input(z.object({ lastEventId: lastEventIdInput }).default({})).subscription(({ ctx, input, signal }) =>
    streamEvents({
      db: ctx.deps.db,
      bus: ctx.deps.bus,
      topic: SESSION_TOPIC,
      lastEventId: input.lastEventId ?? null,
      accept: (event) =>
        canReceive(ctx.actor, event) && (event.type !== 'session.expiring' || event.payload.sessionId === ctx.actor.sessionId),
      signal,
    }),
  ),
});
