import { CAPABILITIES } from '@kapas/auth';
import { z } from 'zod';
import { pageInput } from '../../shared/pagination';
import { procedure, router } from '../../trpc';
import { emailSchema } from '../auth/schemas';
import * as service from './service';

const userId = z.string().uuid();
const roleCodes = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[A-Z_]{2,40}$/),
  )
  .max(20);

export const usersRouter = router({
  list: procedure
    .input(
      pageInput.extend({
        search: z.string().trim().max(80).optional(),
        kind: z.enum(['BACK_OFFICE', 'PARTNER']).optional(),
        status: z.enum(['ACTIVE', 'INVITED', 'DISABLED']).optional(),
      }),
    )
    .query(({ ctx, input }) => service.listUsers(ctx.deps, input)),
  get: procedure.input(z.object({ id: userId })).query(({ ctx, input }) => service.getUser(ctx.deps, input.id)),
  createStaff: procedure
    .input(
      z.object({
        email: emailSchema,
        name: z.string().trim().min(2, 'Enter the full name').max(80),
        roles: roleCodes.min(1, 'Choose at least one role'),
      }),
    )
    .mutation(({ ctx, input }) => service.createStaffUser(ctx.deps, ctx.meta, ctx.actor, input)),
  setRoles: procedure.input(z.object({ userId, roles: roleCodes })).mutation(async ({ ctx, input }) => {
    await service.setRoles(ctx.deps, ctx.meta, ctx.actor, input);
    return { ok: true as const };
  }),
  addGrant: procedure
    .input(
      z.object({
        userId,
        capability: z.enum(CAPABILITIES),
        effect: z.enum(['GRANT', 'DENY']),
        expiresAt: z.string().datetime().nullable().default(null),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await service.addGrant(ctx.deps, ctx.meta, ctx.actor, input);
      return { ok: true as const };
    }),
  removeGrant: procedure.input(z.object({ grantId: z.string().uuid() })).mutation(async ({ ctx, input }) => {
    await service.removeGrant(ctx.deps, ctx.meta, ctx.actor, input.grantId);
    return { ok: true as const };
  }),
  setActive: procedure.input(z.object({ userId, active: z.boolean() })).mutation(async ({ ctx, input }) => {
    await service.setUserActive(ctx.deps, ctx.meta, ctx.actor, input);
    return { ok: true as const };
  }),
  roles: procedure.query(({ ctx }) => service.listRoles(ctx.deps)),
  updateRole: procedure
    .input(
      z.object({ code: z.string().regex(/^[A-Z_]{2,40}$/), capabilities: z.array(z.string().max(40)).max(CAPABILITIES.length) }),
    )
    .mutation(async ({ ctx, input }) => {
      await service.updateRole(ctx.deps, ctx.meta, ctx.actor, input);
      return { ok: true as const };
    }),
});
