import { z } from 'zod';
import { canReceive } from '../../realtime/audience';
import { lastEventIdInput } from '../../realtime/resume-input';
import { streamEvents } from '../../realtime/stream';
import { procedure, router } from '../../trpc';
import { cancelApproval } from './cancel';
import { bulkDecide, decide } from './decide';
import { getApproval, listApprovals, myApprovals } from './queries';
import { APPROVALS_TOPIC } from './request';
import { bulkDecideInput, cancelInput, decideInput, idInput, listInput, mineInput } from './schemas';

// Who may call what: access.ts (queue and decisions: partner:approve, back office).
export const approvalsRouter = router({
  list: procedure
    .input(listInput.default({ page: 1, pageSize: 20, sort: 'createdAt', dir: 'asc' }))
    .query(({ ctx, input }) => listApprovals(ctx.deps, input)),
  get: procedure.input(idInput).query(({ ctx, input }) => getApproval(ctx.deps, input.id)),
  decide: procedure.input(decideInput).mutation(({ ctx, input }) => decide(ctx.deps, ctx.meta, ctx.actor, input)),
  bulkDecide: procedure.input(bulkDecideInput).mutation(({ ctx, input }) => bulkDecide(ctx.deps, ctx.meta, ctx.actor, input)),
  cancel: procedure.input(cancelInput).mutation(({ ctx, input }) => cancelApproval(ctx.deps, ctx.meta, ctx.actor, input)),
  mine: procedure
    .input(mineInput.default({ page: 1, pageSize: 20 }))
    .query(({ ctx, input }) => myApprovals(ctx.deps, ctx.actor, input)),
  /** The live queue: requested / decided / cancelled / expired (resume with lastEventId). */
  onEvent: procedure.input(z.object({ lastEventId: lastEventIdInput }).default({})).subscription(({ ctx, input, signal }) =>
    streamEvents({
      db: ctx.deps.db,
      bus: ctx.deps.bus,
      topic: APPROVALS_TOPIC,
      lastEventId: input.lastEventId ?? null,
      accept: (event) => canReceive(ctx.actor, event),
      signal,
    }),
  ),
});
