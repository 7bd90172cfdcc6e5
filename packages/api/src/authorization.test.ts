import { describe, expect, it } from 'vitest';
import { ACCESS_RULES } from './authorization';
import { appRouter } from './root';

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

function kindOf(path: string): string {
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path];
  return procedure?._def.type ?? 'unknown';
}

/**
 * Writes that pass the gate as `signedIn` because the capability they need depends on the record:
 * the service checks it (and the tests of each module prove the refusal).
 */
const RECORD_CHECKED_WRITES = new Set([
  'documents.createUpload', // company:manage for partner records, lot:create for lots, partner:manage for staff
  'approvals.cancel', // only the requester of the request, or staff
  'documents.downloadLink', // a mutation only because it mints a link; anyone who may read the record
]);

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
      ([path, r]) =>
        kindOf(path) === 'mutation' &&
        (r.tenant === 'partner' || r.tenant === 'back-office') &&
        r.access === 'signedIn' &&
        !RECORD_CHECKED_WRITES.has(path),
    );
    expect(open.map(([p]) => p)).toEqual([]);
  });

  it('keeps back-office data behind a capability, reads included', () => {
    const open = Object.entries(ACCESS_RULES).filter(
      ([, r]) => r.tenant === 'back-office' && (r.access === 'public' || r.access === 'signedIn'),
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
      // The applicant has no account yet: these are authorised by the secret resume token of the application.
      'onboarding.createUpload',
      'onboarding.documents',
      'onboarding.get',
      'onboarding.saveStep',
      'onboarding.sendEmailCode',
      'onboarding.sendMobileCode',
      'onboarding.start',
      'onboarding.status',
      'onboarding.submit',
      'onboarding.verifyEmail',
      'onboarding.verifyMobile',
    ]);
  });
});
