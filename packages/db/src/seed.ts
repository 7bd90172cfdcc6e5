import { DEFAULT_ROLES, hashPassword } from '@kapas/auth';
import { and, eq } from 'drizzle-orm';
import type { Database, DbOrTx } from './client';
import { allocateNumber } from './numbers';
import {
  commodities,
  masterItems,
  organizations,
  partners,
  regions,
  roles,
  settings,
  states,
  stations,
  userRoles,
  users,
} from './schema';
import {
  COTTON_TEMPLATE,
  DEFAULT_SETTINGS,
  DEMO_PARTNERS,
  DEMO_PASSWORD,
  DEMO_STAFF,
  LOCATIONS,
  MASTER_LISTS,
} from './seed-data';
import { seedPartners } from './seed-partners';
import { seedOrgReference } from './seed-reference';
import { seedTradeDesk } from './seed-trade-desk';

export type SeedOptions = { demo: boolean; now?: Date };
export type DemoSignIn = { email: string; password: string; app: 'web' | 'admin'; who: string };

/** Idempotent: inserts only what is missing, so it can run on every start. Returns the demo sign-ins. */
export async function seed(db: Database, options: SeedOptions): Promise<DemoSignIn[]> {
  const passwordHash = options.demo ? await hashPassword(DEMO_PASSWORD) : null;
  return db.transaction(async (tx) => {
    await seedReference(tx);
    await seedOrgReference(tx, options.now ?? new Date());
    if (!options.demo || !passwordHash) return [];
    return seedDemo(tx, passwordHash, options.now ?? new Date());
  });
}

async function seedReference(tx: DbOrTx): Promise<void> {
  for (const role of DEFAULT_ROLES) {
    // Admins may edit role bundles, so existing roles are left alone; the super-admin role is fixed
    // and always holds every capability, including ones added by a newer version.
    const insert = tx.insert(roles).values(role);
    await (role.code === 'SUPER_ADMIN'
      ? insert.onConflictDoUpdate({ target: roles.code, set: { capabilities: role.capabilities } })
      : insert.onConflictDoNothing({ target: roles.code }));
  }
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    await tx.insert(settings).values({ key, value }).onConflictDoNothing({ target: settings.key });
  }
  await tx
    .insert(commodities)
    .values({ code: 'COTTON', name: 'Cotton', hsnCode: '5201', gstRate: '5.00', qualityTemplate: COTTON_TEMPLATE })
    .onConflictDoNothing({ target: commodities.code });
  const [cotton] = await tx.select({ id: commodities.id }).from(commodities).where(eq(commodities.code, 'COTTON'));
  for (const [kind, items] of Object.entries(MASTER_LISTS)) {
    await tx
      .insert(masterItems)
      .values(
        items.map((item, i) => ({
          kind,
          code: item.code,
          name: item.name,
          days: item.days ?? null,
          sortOrder: i,
          commodityId: kind === 'VARIETY' ? cotton!.id : null,
        })),
      )
      .onConflictDoNothing();
  }
  for (const state of LOCATIONS) {
    await tx.insert(states).values({ gstCode: state.gstCode, name: state.name }).onConflictDoNothing();
    const [s] = await tx.select({ id: states.id }).from(states).where(eq(states.gstCode, state.gstCode));
    for (const [regionName, stationList] of Object.entries(state.regions)) {
      await tx.insert(regions).values({ stateId: s!.id, name: regionName }).onConflictDoNothing();
      const [r] = await tx
        .select({ id: regions.id })
        .from(regions)
        .where(and(eq(regions.stateId, s!.id), eq(regions.name, regionName)));
      await tx
        .insert(stations)
        .values(
          stationList.map((st) => ({ regionId: r!.id, name: st.name, latitude: String(st.lat), longitude: String(st.lng) })),
        )
        .onConflictDoNothing();
    }
  }
  await tx
    .insert(organizations)
    .values({
      name: 'Kapas Brokerage Services Pvt Ltd',
      gstin: '27AAACK4321P1ZD',
      pan: 'AAACK4321P',
      address: 'Nariman Point, Mumbai 400021',
    })
    .onConflictDoNothing();
}

async function seedDemo(tx: DbOrTx, passwordHash: string, now: Date): Promise<DemoSignIn[]> {
  const roleIds = new Map((await tx.select({ id: roles.id, code: roles.code }).from(roles)).map((r) => [r.code, r.id]));
  const signIns: DemoSignIn[] = [];

  for (const staff of DEMO_STAFF) {
    const userId = await ensureUser(tx, { email: staff.email, name: staff.name, kind: 'BACK_OFFICE', passwordHash });
    await tx
      .insert(userRoles)
      .values({ userId, roleId: roleIds.get(staff.role)! })
      .onConflictDoNothing();
    signIns.push({ email: staff.email, password: DEMO_PASSWORD, app: 'admin', who: staff.role });
  }

  for (const p of DEMO_PARTNERS) {
    let [partner] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.gstin, p.gstin));
    if (!partner) {
      const number = await allocateNumber(tx, 'BP', now.getUTCFullYear(), 4);
      [partner] = await tx
        .insert(partners)
        .values({
          number,
          legalName: p.legalName,
          tradeName: p.tradeName,
          businessType: p.businessType,
          pan: p.pan,
          gstin: p.gstin,
          status: 'ACTIVE',
        })
        .returning({ id: partners.id });
    }
    const userId = await ensureUser(tx, {
      email: p.user.email,
      name: p.user.name,
      mobile: p.user.mobile,
      kind: 'PARTNER',
      partnerId: partner!.id,
      isPrimary: true,
      passwordHash,
    });
    await tx
      .insert(userRoles)
      .values({ userId, roleId: roleIds.get('PARTNER_PRIMARY')! })
      .onConflictDoNothing();
    signIns.push({ email: p.user.email, password: DEMO_PASSWORD, app: 'web', who: `${p.businessType} · ${p.tradeName}` });
  }
  await seedPartners(tx, now);
  await seedTradeDesk(tx, now);
  return signIns;
}

type NewUser = typeof users.$inferInsert;

/** Demo accounts count as onboarded: their contacts were verified when they were created. */
async function ensureUser(tx: DbOrTx, user: NewUser): Promise<string> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, user.email));
  if (existing) return existing.id;
  const verifiedAt = new Date().toISOString();
  const [created] = await tx
    .insert(users)
    .values({ ...user, emailVerifiedAt: verifiedAt, mobileVerifiedAt: user.mobile ? verifiedAt : null })
    .returning({ id: users.id });
  return created!.id;
}
