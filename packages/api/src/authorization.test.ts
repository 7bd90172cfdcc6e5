import { describe, expect, it } from 'vitest';
import { ACCESS_RULES } from './authorization';
import { appRouter } from './root';

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

describe('the access table', () => {
  it('has a rule for every procedure of the router (a new procedure without one fails here)', () => {
    const missing = procedurePaths.filter((p) => !(p in ACCESS_RULES));
    expect(missing).toEqual([]);
  });

  it('has no rule for a procedure that does not exist', () => {
    const stale = Object.keys(ACCESS_RULES).filter((p) => !procedurePaths.includes(p));
    expect(stale).toEqual([]);
  });

  it('keeps every write to partner-scoped or back-office data behind a capability', () => {
    const open = Object.entries(ACCESS_RULES).filter(
      ([, r]) => (r.tenant === 'partner' || r.tenant === 'back-office') && (r.access === 'public' || r.access === 'signedIn'),
    );
    expect(open.map(([p]) => p)).toEqual([]);
  });

  it('lets only sign-in, recovery and reference procedures be public', () => {
    const publicPaths = Object.entries(ACCESS_RULES)
      .filter(([, r]) => r.access === 'public')
      .map(([p]) => p)
      .sort();
    expect(publicPaths).toEqual([
      'auth.acceptInvite',
      'auth.me',
      'auth.passwordPolicy',
      'auth.requestPasswordReset',
      'auth.resetPassword',
      'auth.signIn',
      'auth.verifySignIn',
      'health',
    ]);
  });
});
