import { z } from 'zod';
import { canReceive } from '../../realtime/audience';
import { lastEventIdInput } from '../../realtime/resume-input';
import { streamEvents } from '../../realtime/stream';
import { pageInput } from '../../shared/pagination';
import { procedure, router } from '../../trpc';
import { NOTIFICATIONS_TOPIC } from './notify';
import { NOTIFICATION_MODES } from './rules';
import * as service from './service';

// Who may call what: access.ts (every procedure is the signed-in caller's own data, tenant 'self').
export const notificationsRouter = router({
  list: procedure
    .input(pageInput.extend({ unreadOnly: z.boolean().optional() }).default({ page: 1, pageSize: 20 }))
    .query(({ ctx, input }) => service.listNotifications(ctx.deps, ctx.actor, input)),
  unreadCount: procedure.query(({ ctx }) => service.unreadCount(ctx.deps, ctx.actor)),
  markRead: procedure
    .input(z.object({ ids: z.array(z.string().uuid()).min(1).max(100) }))
    .mutation(({ ctx, input }) => service.markRead(ctx.deps, ctx.actor, input.ids)),
  markAllRead: procedure.mutation(({ ctx }) => service.markRead(ctx.deps, ctx.actor, 'ALL')),
  preferences: procedure.query(({ ctx }) => service.preferences(ctx.deps, ctx.actor)),
  setPreference: procedure
    .input(z.object({ kind: z.string().trim().min(1).max(60), mode: z.enum(NOTIFICATION_MODES) }))
    .mutation(({ ctx, input }) => service.setPreference(ctx.deps, ctx.meta, ctx.actor, input)),
  /** The caller's personal feed: new notifications and read-state changes (resume with lastEventId). */
  onEvent: procedure.input(z.object({ lastEventId: lastEventIdInput }).default({})).subscription(({ ctx, input, signal }) =>
    streamEvents({
      db: ctx.deps.db,
      bus: ctx.deps.bus,
      topic: NOTIFICATIONS_TOPIC,
      lastEventId: input.lastEventId ?? null,
      accept: (event) => canReceive(ctx.actor, event),
      signal,
    }),
  ),
});
