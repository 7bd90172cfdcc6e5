import { authedProcedure, publicProcedure, router } from '../../trpc';
import { signInInput } from './schemas';
import { describeActor, signIn, signOut } from './service';

export const authRouter = router({
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const result = await signIn(ctx.deps, ctx.meta, input);
    ctx.cookies?.set(result.token, new Date(result.expiresAt));
    const me = await describeActor(ctx.deps, result.actor);
    return { me, expiresAt: result.expiresAt, token: input.transport === 'token' ? result.token : null };
  }),
  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx.deps, ctx.meta, ctx.actor, ctx.sessionToken);
    ctx.cookies?.clear();
    return { ok: true as const };
  }),
  /** The signed-in user, or null: the apps use it to decide between the sign-in page and the shell. */
  me: publicProcedure.query(({ ctx }) => (ctx.actor ? describeActor(ctx.deps, ctx.actor) : null)),
});
