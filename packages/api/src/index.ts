import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';

export { ACCESS_RULES, type AccessRule } from './authorization';
export type { Actor, Context, Deps, RequestMeta, SessionCookieJar } from './context';
export { createDeps, type DepsOptions } from './deps';
export type { KapasErrorData } from './error-shape';
export { DomainError, type DomainErrorCode, type FieldErrors } from './errors';
export { type NewApprovalRequest, requestApproval } from './modules/approvals/request';
export { approvalExpiryDays, requiredApprovalsFor } from './modules/approvals/required';
export { verifyAuditChain } from './modules/audit/verify';
export { loadActor } from './modules/auth/actor-loader';
export { verifiedCertificationsOf } from './modules/certifications/for-matching';
export { runCertificationExpiry } from './modules/certifications/jobs';
export {
  asciiFileName,
  claimUploadIntent,
  fileForDownload,
  inspectUpload,
  recordUploadedVersion,
  sanitiseFileName,
  verifyFileSignature,
} from './modules/documents/http';
export * from './modules/jobs';
export { runKycReminders } from './modules/kyc/jobs';
export { MASTER_KINDS, type MasterKind } from './modules/masters/schemas';
export { deliverDueMessages, type Senders } from './modules/messaging/deliver';
export { sweepSessions } from './modules/sessions/sweep';
/** Pure matching rules (DOMAIN §6.4), exported for the P4 benchmark. */
export * as matchingRules from './modules/trade-desk/rules/matching';
export { EventBus } from './realtime/bus';
export { EVENTS_CHANNEL } from './realtime/log-buffer';
export { type AppRouter, appRouter } from './root';
export { MemoryRateLimiter, PostgresRateLimiter, type RateLimiter } from './shared/rate-limit';
export { SettingsStore } from './shared/settings';
export { createCallerFactory } from './trpc';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
