import { CAPABILITIES } from '@kapas/auth';
import { z } from 'zod';
import { procedure, router } from '../../trpc';
import * as service from './service';

export const apiTokensRouter = router({
  list: procedure.query(({ ctx }) => service.listTokens(ctx.deps, ctx.actor)),
  /** Returns the token once; store it safely, it cannot be shown again. */
  create: procedure
    .input(
      z.object({
        name: z.string().trim().min(2, 'Give the token a name').max(60),
        scopes: z.array(z.enum(CAPABILITIES)).min(1, 'Choose at least one permission').max(CAPABILITIES.length),
        expiresInDays: z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days').default(90),
      }),
    )
    .mutation(({ ctx, input }) => service.createToken(ctx.deps, ctx.meta, ctx.actor, input)),
  revoke: procedure.input(z.object({ id: z.string().min(1).max(40) })).mutation(async ({ ctx, input }) => {
    await service.revokeToken(ctx.deps, ctx.meta, ctx.actor, input.id);
    return { ok: true as const };
  }),
});
