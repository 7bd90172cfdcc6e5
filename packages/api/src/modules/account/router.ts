import { z } from 'zod';
import { procedure, router } from '../../trpc';
import { confirmVerification, profile, startVerification } from './service';

const channel = z.enum(['EMAIL', 'MOBILE']);

export const accountRouter = router({
  profile: procedure.query(({ ctx }) => profile(ctx.deps, ctx.actor)),
  /** Email and mobile verification by one-time code (DOMAIN §5 purposes registration-email / registration-mobile). */
  startVerification: procedure
    .input(z.object({ channel }))
    .mutation(({ ctx, input }) => startVerification(ctx.deps, ctx.meta, ctx.actor, input.channel)),
  confirmVerification: procedure
    .input(
      z.object({
        channel,
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, 'Enter the 6-digit code'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await confirmVerification(ctx.deps, ctx.meta, ctx.actor, input);
      return { ok: true as const };
    }),
});
