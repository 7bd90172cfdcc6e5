import { z } from 'zod';
import { pageInput } from '../../shared/pagination';
import { procedure, router } from '../../trpc';
import * as service from './service';

const jobName = z.string().trim().min(1).max(60);

// Who may call what: access.ts (job:manage, back office).
export const jobsRouter = router({
  list: procedure.query(({ ctx }) => service.listJobs(ctx.deps)),
  runs: procedure.input(pageInput.extend({ job: jobName })).query(({ ctx, input }) => service.listRuns(ctx.deps, input)),
  runNow: procedure
    .input(z.object({ name: jobName }))
    .mutation(({ ctx, input }) => service.runNow(ctx.deps, ctx.meta, ctx.actor, input.name)),
  setEnabled: procedure
    .input(z.object({ name: jobName, enabled: z.boolean() }))
    .mutation(({ ctx, input }) => service.setEnabled(ctx.deps, ctx.meta, ctx.actor, input)),
});
