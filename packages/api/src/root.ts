import { accountRouter } from './modules/account/router';
import { apiTokensRouter } from './modules/api-tokens/router';
import { auditRouter } from './modules/audit/router';
import { authRouter } from './modules/auth/router';
import { mastersRouter } from './modules/masters/router';
import { outboxRouter } from './modules/outbox/router';
import { securityEventsRouter } from './modules/security/router';
import { sessionsRouter } from './modules/sessions/router';
import { settingsRouter } from './modules/settings/router';
import { subUsersRouter } from './modules/sub-users/router';
import { templatesRouter } from './modules/templates/router';
import { usersRouter } from './modules/users/router';
import { publicProcedure, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  masters: mastersRouter,
  audit: auditRouter,
  securityEvents: securityEventsRouter,
  outbox: outboxRouter,
  sessions: sessionsRouter,
  settings: settingsRouter,
  templates: templatesRouter,
  apiTokens: apiTokensRouter,
  users: usersRouter,
  subUsers: subUsersRouter,
  health: publicProcedure.query(() => ({ ok: true as const })),
});

export type AppRouter = typeof appRouter;
