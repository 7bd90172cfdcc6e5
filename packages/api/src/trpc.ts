/**
 * tRPC initialisation: one place for the error shape, the procedure builders and the access gate.
 * Routers import `router`, `publicProcedure` (rule `public`) and `procedure` (everything else) from
 * here; who may call what is declared in authorization.ts, not in the routers.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ACCESS_RULES } from './authorization';
import type { Actor, Context } from './context';
import { formatError } from './error-shape';
import { DOMAIN_ERROR_CODES, DomainError } from './errors';
import { enforceApiLimits } from './modules/auth/limits';
import { unstorableTextPath } from './shared/text-safety';

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter: ({ shape, error, ctx }) => formatError(shape, error, ctx?.meta.requestId ?? null),
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors thrown by services become transport errors carrying the domain error as cause. */
const domainErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    const retryAfter = cause.details.retryAfterSeconds;
    if (cause.code === 'TOO_MANY_REQUESTS' && typeof retryAfter === 'number') ctx.setHeader?.('Retry-After', String(retryAfter));
    throw new TRPCError({ code: DOMAIN_ERROR_CODES[cause.code], message: cause.message, cause });
  }
  return result;
});

/**
 * Every procedure passes the access table: unknown paths are refused, `public` ones pass, the
 * rest need a signed-in actor of the right audience holding the required capability.
 */
const accessControl = t.middleware(async ({ ctx, path, next }) => {
  const rule = ACCESS_RULES[path];
  if (!rule) throw new DomainError('FORBIDDEN', 'This operation is not available.');
  if (rule.access === 'public') return next();
  const actor = ctx.actor;
  if (!actor) throw new DomainError('UNAUTHORIZED', 'Please sign in to continue.');
  if (rule.audience && actor.kind !== rule.audience) {
    throw new DomainError(
      'FORBIDDEN',
      rule.audience === 'BACK_OFFICE' ? 'This is for back-office staff only.' : 'This is for partner users only.',
    );
  }
  if (actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(path)) {
    throw new DomainError('FORBIDDEN', 'Choose a new password before continuing.', { reason: 'PASSWORD_CHANGE_REQUIRED' });
  }
  if (rule.access !== 'signedIn' && !actor.capabilities.has(rule.access)) {
    throw new DomainError('FORBIDDEN', `You need the "${rule.access}" permission for this.`, { capability: rule.access });
  }
  await enforceApiLimits(ctx.deps, actor.userId, actor.partnerId);
  return next();
});

/** An account created by someone else must choose its own password first (DOMAIN §5). */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'auth.me',
  'auth.changePassword',
  'auth.signOut',
  'auth.keepAlive',
  'auth.passwordPolicy',
]);

/** Text the database cannot store is a client error, found before any work is done. */
const storableText = t.middleware(async ({ getRawInput, next }) => {
  const path = unstorableTextPath(await getRawInput());
  if (path) {
    throw new DomainError('BAD_REQUEST', 'Text may not contain NUL characters or broken Unicode.', {
      fieldErrors: { [path.replace(/^input\.?/, '') || 'input']: ['Remove the NUL or broken Unicode characters'] },
    });
  }
  return next();
});

/** For procedures whose rule is `public`: the actor may be null. */
export const publicProcedure = t.procedure.use(domainErrors).use(storableText).use(accessControl);

/** For every other procedure: the access table has already required a signed-in actor. */
export const procedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new DomainError('UNAUTHORIZED', 'Please sign in to continue.');
  return next({ ctx: { ...ctx, actor: ctx.actor satisfies Actor } });
});
