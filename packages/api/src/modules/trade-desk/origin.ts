/** What every trade-desk service receives from the procedure: dependencies, the caller and request metadata. */
import type { Actor, Deps, RequestMeta } from '../../context';
import type { AuditOrigin } from '../audit/append';

export type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };

export function auditOrigin(o: Origin, now: Date): AuditOrigin {
  return { actor: o.actor, meta: o.meta, now };
}

/** Timestamps leave the API as ISO strings whatever format the driver returned. */
export function iso(value: string): string;
export function iso(value: string | null): string | null;
export function iso(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
