import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';

export { ACCESS_RULES, type AccessRule } from './authorization';
export type { Actor, Context, Deps, RequestMeta, SessionCookieJar } from './context';
export { createDeps, type DepsOptions } from './deps';
export type { KapasErrorData } from './error-shape';
export { DomainError, type DomainErrorCode, type FieldErrors } from './errors';
export { verifyAuditChain } from './modules/audit/verify';
export { loadActor } from './modules/auth/actor-loader';
export { MASTER_KINDS, type MasterKind } from './modules/masters/schemas';
export { deliverDueMessages, type Senders } from './modules/messaging/deliver';
export { sweepSessions } from './modules/sessions/sweep';
export { EventBus } from './realtime/bus';
export { EVENTS_CHANNEL } from './realtime/outbox';
export { type AppRouter, appRouter } from './root';
export { MemoryRateLimiter, PostgresRateLimiter, type RateLimiter } from './shared/rate-limit';
export { SettingsStore } from './shared/settings';
export { createCallerFactory } from './trpc';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
