import { type Capability, DEFAULT_ROLES } from '@kapas/auth';
import type { DatabaseHandle } from '@kapas/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_RULES } from './authorization';
import type { Actor, Context, Deps } from './context';
import { DomainError } from './errors';
import { appRouter } from './root';
import { createTestDeps } from './testing';
import { createCallerFactory } from './trpc';

/**
 * R10: for every role × every procedure, the gate lets the call through exactly when the role's
 * bundle holds the procedure's capability (and the audience fits). Calls are made without input:
 * a call that passes the gate fails later on input validation, never with FORBIDDEN.
 */
let deps: Deps;
let handle: DatabaseHandle;
beforeAll(async () => {
  ({ deps, handle } = await createTestDeps());
});
afterAll(() => handle.close());

const caller = createCallerFactory(appRouter);

function actorWith(kind: Actor['kind'], capabilities: Capability[]): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000001',
    email: 'matrix@example.com',
    name: 'Matrix',
    kind,
    partnerId: kind === 'PARTNER' ? '00000000-0000-0000-0000-000000000002' : null,
    isPrimary: true,
    branchIds: null,
    roles: [],
    capabilities: new Set(capabilities),
    sessionId: 'matrixsessionidmatrixses',
    mustChangePassword: false,
  };
}

async function gateOutcome(actor: Actor, path: string): Promise<'FORBIDDEN' | 'PASSED'> {
  const ctx: Context = {
    deps,
    actor,
    meta: { requestId: 'matrix', ip: null, userAgent: null },
    cookies: null,
    sessionToken: null,
    setHeader: null,
  };
  const controller = new AbortController();
  const proxy = caller(ctx, { signal: controller.signal }) as unknown as Record<string, unknown>;
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], proxy) as (
    input?: unknown,
  ) => Promise<unknown>;
  try {
    const result = await fn(undefined);
    controller.abort();
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      await (result as AsyncGenerator<unknown>).return?.(undefined);
    }
    return 'PASSED';
  } catch (error) {
    const cause = error instanceof TRPCError ? error.cause : error;
    if (
      cause instanceof DomainError &&
      cause.code === 'FORBIDDEN' &&
      (cause.details.capability || /back-office|partner users/.test(cause.message))
    ) {
      return 'FORBIDDEN';
    }
    return 'PASSED';
  }
}

const gated = Object.entries(ACCESS_RULES).filter(([, r]) => r.access !== 'public' && r.access !== 'signedIn');

describe.each(DEFAULT_ROLES)('role $code', (role) => {
  it('passes the gate exactly for the procedures its capabilities and audience allow', async () => {
    const actor = actorWith(role.scope, role.capabilities);
    const mismatches: string[] = [];
    for (const [path, rule] of gated) {
      const expected =
        role.capabilities.includes(rule.access as Capability) && (!rule.audience || rule.audience === role.scope)
          ? 'PASSED'
          : 'FORBIDDEN';
      const actual = await gateOutcome(actor, path);
      if (actual !== expected) mismatches.push(`${path}: expected ${expected}, got ${actual}`);
    }
    expect(mismatches).toEqual([]);
  });
});
