import { accountRouter } from './modules/account/router';
import { apiTokensRouter } from './modules/api-tokens/router';
import { approvalsRouter } from './modules/approvals/router';
import { auditRouter } from './modules/audit/router';
import { authRouter } from './modules/auth/router';
import { certificationsRouter } from './modules/certifications/router';
import { documentsRouter } from './modules/documents/router';
import { jobsRouter } from './modules/jobs/router';
import { kycRouter } from './modules/kyc/router';
import { mastersRouter } from './modules/masters/router';
import { notificationsRouter } from './modules/notifications/router';
import { onboardingRouter } from './modules/onboarding/router';
import { orgMastersRouter } from './modules/org-masters/router';
import { outboxRouter } from './modules/outbox/router';
import { changeRequestsRouter, companyRouter, partnersRouter } from './modules/partners/router';
import { securityEventsRouter } from './modules/security/router';
import { sessionsRouter } from './modules/sessions/router';
import { settingsRouter } from './modules/settings/router';
import { subUsersRouter } from './modules/sub-users/router';
import { templatesRouter } from './modules/templates/router';
import { contractsRouter, lotsRouter, offersRouter, tradeDeskRouter, tradesRouter } from './modules/trade-desk/router';
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
  onboarding: onboardingRouter,
  partners: partnersRouter,
  company: companyRouter,
  changeRequests: changeRequestsRouter,
  approvals: approvalsRouter,
  notifications: notificationsRouter,
  jobs: jobsRouter,
  documents: documentsRouter,
  certifications: certificationsRouter,
  kyc: kycRouter,
  orgMasters: orgMastersRouter,
  trades: tradesRouter,
  lots: lotsRouter,
  offers: offersRouter,
  contracts: contractsRouter,
  tradeDesk: tradeDeskRouter,
  health: publicProcedure.query(() => ({ ok: true as const })),
});

export type AppRouter = typeof appRouter;
