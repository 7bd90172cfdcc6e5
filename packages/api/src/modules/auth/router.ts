import { sessions } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../../context';
import { procedure, publicProcedure, router } from '../../trpc';
import { acceptInvite, changePassword, passwordPolicy, requestPasswordReset, resetPassword } from './passwords';
import {
  acceptInviteInput,
  changePasswordInput,
  requestResetInput,
  resetPasswordInput,
  signInInput,
  verifySignInInput,
} from './schemas';
import { describeActor, signOut } from './service';
import { type SignInOutcome, signIn, verifySignIn } from './sign-in';

/** Browser sign-ins get the HttpOnly cookie and never see the token; the typed client asks for it. */
async function answer(ctx: Context, outcome: SignInOutcome, transport: 'cookie' | 'token') {
  if (outcome.status === 'OTP_REQUIRED') return { ...outcome, me: null, token: null };
  ctx.cookies?.set(outcome.token, new Date(outcome.expiresAt));
  const me = await describeActor(ctx.deps, outcome.actor);
  return { status: outcome.status, me, expiresAt: outcome.expiresAt, token: transport === 'token' ? outcome.token : null };
}

export const authRouter = router({
  signIn: publicProcedure
    .input(signInInput)
    .mutation(async ({ ctx, input }) => answer(ctx, await signIn(ctx.deps, ctx.meta, input), input.transport)),
  /** Second step for accounts that need a one-time code (always for back-office staff). */
  verifySignIn: publicProcedure
    .input(verifySignInInput)
    .mutation(async ({ ctx, input }) => answer(ctx, await verifySignIn(ctx.deps, ctx.meta, input), input.transport)),
  signOut: procedure.mutation(async ({ ctx }) => {
    await signOut(ctx.deps, ctx.meta, ctx.actor);
    ctx.cookies?.clear();
    return { ok: true as const };
  }),
  /** The signed-in user, or null: the apps use it to decide between the sign-in page and the shell. */
  me: publicProcedure.query(({ ctx }) => (ctx.actor ? describeActor(ctx.deps, ctx.actor) : null)),
  /** "Stay signed in": restarts the idle window. */
  keepAlive: procedure.mutation(async ({ ctx }) => {
    const now = ctx.deps.clock().toISOString();
    await ctx.deps.db.update(sessions).set({ lastActiveAt: now, warnedAt: null }).where(eq(sessions.id, ctx.actor.sessionId));
    return { ok: true as const };
  }),
  passwordPolicy: publicProcedure.query(({ ctx }) => passwordPolicy(ctx.deps)),
  changePassword: procedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.deps, ctx.meta, ctx.actor, input);
    return { ok: true as const };
  }),
  requestPasswordReset: publicProcedure.input(requestResetInput).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.deps, ctx.meta, input);
    return { message: 'If an account exists for this email, we sent a link and a code to reset the password.' };
  }),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await resetPassword(ctx.deps, ctx.meta, input);
    return { ok: true as const };
  }),
  acceptInvite: publicProcedure
    .input(acceptInviteInput)
    .mutation(async ({ ctx, input }) => ({ email: await acceptInvite(ctx.deps, ctx.meta, input) })),
});
