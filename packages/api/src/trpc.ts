/**
 * tRPC initialisation: one place for the error shape, the procedure builders and the capability
 * gate. Routers import `router`, `publicProcedure`, `authedProcedure` and `requireCapability` from here.
 */
import type { Capability } from '@kapas/auth';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Actor, Context } from './context';
import { formatError } from './error-shape';
import { DOMAIN_ERROR_CODES, DomainError } from './errors';

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter: ({ shape, error, ctx }) => formatError(shape, error, ctx?.meta.requestId ?? null),
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors thrown by services become transport errors carrying the domain error as cause. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: DOMAIN_ERROR_CODES[cause.code], message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new DomainError('UNAUTHORIZED', 'Please sign in to continue.');
  return next({ ctx: { ...ctx, actor: ctx.actor satisfies Actor } });
});

export function requireCapability(capability: Capability) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!ctx.actor.capabilities.has(capability)) {
      throw new DomainError('FORBIDDEN', `You need the "${capability}" permission for this.`, { capability });
    }
    return next();
  });
}

export const backOfficeProcedure = (capability: Capability) =>
  requireCapability(capability).use(({ ctx, next }) => {
    if (ctx.actor.kind !== 'BACK_OFFICE') throw new DomainError('FORBIDDEN', 'This is for back-office staff only.');
    return next();
  });
