import { authRouter } from './modules/auth/router';
import { mastersRouter } from './modules/masters/router';
import { publicProcedure, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  masters: mastersRouter,
  health: publicProcedure.query(() => ({ ok: true as const })),
});

export type AppRouter = typeof appRouter;
