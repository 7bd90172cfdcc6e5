import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';

export type { Actor, Context, Deps, RequestMeta, SessionCookieJar } from './context';
export type { KapasErrorData } from './error-shape';
export { DomainError, type DomainErrorCode, type FieldErrors } from './errors';
export { verifyAuditChain } from './modules/audit/verify';
export { loadActor } from './modules/auth/actor-loader';
export { MASTER_KINDS, type MasterKind } from './modules/masters/schemas';
export { EventBus } from './realtime/bus';
export { EVENTS_CHANNEL } from './realtime/outbox';
export { type AppRouter, appRouter } from './root';
export { SettingsStore } from './shared/settings';
export { createCallerFactory } from './trpc';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
