import { CAPABILITIES } from '@kapas/auth';
import { z } from 'zod';
import { procedure, router } from '../../trpc';
import { emailSchema } from '../auth/schemas';
import * as service from './service';

const capabilities = z.array(z.enum(CAPABILITIES)).min(1, 'Choose at least one permission').max(CAPABILITIES.length);
const userId = z.string().uuid();
/** The partner's branches the sub-user may act for; null or empty = every branch. */
const branchIds = z.array(z.string().uuid()).max(100).nullable().optional();

export const subUsersRouter = router({
  list: procedure.query(({ ctx }) => service.listSubUsers(ctx.deps, ctx.actor)),
  invite: procedure
    .input(
      z.object({
        email: emailSchema,
        name: z.string().trim().min(2, 'Enter the full name').max(80),
        mobile: z
          .string()
          .trim()
          .regex(/^(\+91)?[6-9]\d{9}$/, 'Enter an Indian mobile number')
          .optional(),
        capabilities,
        branchIds,
      }),
    )
    .mutation(({ ctx, input }) => service.inviteSubUser(ctx.deps, ctx.meta, ctx.actor, input)),
  update: procedure
    .input(z.object({ userId, name: z.string().trim().min(2).max(80), capabilities, branchIds }))
    .mutation(async ({ ctx, input }) => {
      await service.updateSubUser(ctx.deps, ctx.meta, ctx.actor, input);
      return { ok: true as const };
    }),
  setActive: procedure.input(z.object({ userId, active: z.boolean() })).mutation(async ({ ctx, input }) => {
    await service.setSubUserActive(ctx.deps, ctx.meta, ctx.actor, input);
    return { ok: true as const };
  }),
  activity: procedure
    .input(z.object({ userId }))
    .query(({ ctx, input }) => service.subUserActivity(ctx.deps, ctx.actor, input.userId)),
});
