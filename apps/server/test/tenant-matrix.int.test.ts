import { ACCESS_RULES } from '@kapas/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startTestServer } from '../src/testing';
import { approvalsTenant } from './tenant/approvals.cases';
import { certificationsTenant } from './tenant/certifications.cases';
import { documentsTenant } from './tenant/documents.cases';
import { kycTenant } from './tenant/kyc.cases';
import { notificationsTenant } from './tenant/notifications.cases';
import { onboardingTenant } from './tenant/onboarding.cases';
import { partnersTenant } from './tenant/partners.cases';
import { tradeDeskTenant } from './tenant/trade-desk.cases';
import type { TenantModule, TenantWorld, VictimRecords } from './tenant/world';

/**
 * R9: partner A calls every partner-scoped procedure on partner B's records and learns nothing.
 * Coverage is checked against the router's access table, so a new partner-callable procedure
 * without a tenant case fails here.
 */
const MODULES: TenantModule[] = [
  onboardingTenant,
  partnersTenant,
  approvalsTenant,
  notificationsTenant,
  documentsTenant,
  certificationsTenant,
  kycTenant,
  tradeDeskTenant,
];

/** Procedures that existed before this matrix and are covered by their own module tests (self-scoped by construction). */
const COVERED_ELSEWHERE = new Set([
  'auth.signOut',
  'auth.keepAlive',
  'auth.changePassword',
  'auth.me',
  'account.profile',
  'account.startVerification',
  'account.confirmVerification',
  'sessions.mine',
  'sessions.end',
  'sessions.endOthers',
  'sessions.onEvent',
  'apiTokens.list',
  'apiTokens.create',
  'apiTokens.revoke',
  'subUsers.list',
  'subUsers.invite',
  'subUsers.update',
  'subUsers.setActive',
  'subUsers.activity',
]);

function partnerScoped(): string[] {
  return Object.entries(ACCESS_RULES)
    .filter(([, r]) => r.audience !== 'BACK_OFFICE' && r.access !== 'public' && (r.tenant === 'partner' || r.tenant === 'self'))
    .map(([path]) => path)
    .filter((path) => !COVERED_ELSEWHERE.has(path))
    .sort();
}

describe('R9 tenant matrix', () => {
  it('has a tenant case for every partner-scoped procedure', () => {
    const covered = new Set(MODULES.flatMap((m) => m.cases.map((c) => c.path)));
    expect(partnerScoped().filter((p) => !covered.has(p))).toEqual([]);
  });

  let world: TenantWorld;
  const records = new Map<string, VictimRecords>();
  beforeAll(async () => {
    const server = await startTestServer();
    const attacker = await signInAs(server, 'trader@deccan-cotton.example');
    const victimBuyer = await signInAs(server, 'buyer@saurashtra-mills.example');
    const victimSeller = await signInAs(server, 'seller@vidarbha-ginning.example');
    const admin = await signInAs(server, 'admin@kapas.local');
    const partnerOf = async (c: typeof attacker) => (await c.auth.me.query())!.partner!.id;
    world = {
      server,
      attacker,
      attackerPartnerId: await partnerOf(attacker),
      victimBuyer,
      victimBuyerPartnerId: await partnerOf(victimBuyer),
      victimSeller,
      victimSellerPartnerId: await partnerOf(victimSeller),
      admin,
    };
    for (const m of MODULES) records.set(m.name, await m.setup(world));
  });
  afterAll(() => world?.server.stop());

  for (const m of MODULES) {
    for (const c of m.cases) {
      it(`${c.path} never reveals another partner's records`, async () => {
        await c.run(world, records.get(m.name)!);
      });
    }
  }
});
