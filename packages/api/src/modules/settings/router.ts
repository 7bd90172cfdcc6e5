import { z } from 'zod';
import { procedure, router } from '../../trpc';
import { listSettings, updateSetting } from './service';

export const settingsRouter = router({
  list: procedure.query(({ ctx }) => listSettings(ctx.deps)),
  update: procedure
    .input(z.object({ key: z.string().min(1).max(80), value: z.union([z.number(), z.boolean()]) }))
    .mutation(async ({ ctx, input }) => {
      await updateSetting(ctx.deps, ctx.meta, ctx.actor, input);
      return { ok: true as const };
    }),
});
