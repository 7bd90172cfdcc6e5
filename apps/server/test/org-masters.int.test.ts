import type { KapasClient } from '@kapas/client';
import { auditLog, events, financialYears, partnerAddresses, partners } from '@kapas/db';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';

let server: TestServer;
let admin: KapasClient;
let auditor: KapasClient;
let buyer: KapasClient;

beforeAll(async () => {
  server = await startTestServer();
  [admin, auditor, buyer] = await Promise.all([
    signInAs(server, 'admin@kapas.local'),
    signInAs(server, 'auditor@kapas.local'),
    signInAs(server, 'buyer@saurashtra-mills.example'),
  ]);
});
afterAll(() => server.stop());

const auditActions = async (entityId: string) =>
  (await server.handle.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id)).map(
    (r) => r.action,
  );
const mastersEvents = async () =>
  (await server.handle.db.select({ n: count() }).from(events).where(eq(events.topic, 'masters')))[0]!.n;

describe('locations hierarchy', () => {
  it('creates a state, region and station, auditing and announcing each change', async () => {
    const eventsBefore = await mastersEvents();
    const state = await admin.orgMasters.createState.mutate({ name: 'Kerala', gstCode: '32' });
    const region = await admin.orgMasters.createRegion.mutate({ stateId: state.id, name: 'Palakkad' });
    const station = await admin.orgMasters.createStation.mutate({
      regionId: region.id,
      name: 'Chittur',
      latitude: 10.6993,
      longitude: 76.7454,
    });
    expect(station).toMatchObject({ latitude: '10.699300', longitude: '76.745400', active: true });

    const tree = await admin.orgMasters.locations.query();
    const kerala = tree.find((s) => s.id === state.id);
    expect(kerala?.regions[0]?.stations.map((s) => s.name)).toEqual(['Chittur']);
    const publicTree = await buyer.masters.locations.query();
    expect(publicTree.find((s) => s.id === state.id)?.regions[0]?.stations[0]?.name).toBe('Chittur');

    expect(await auditActions(state.id)).toEqual(['master.state.create']);
    expect(await auditActions(region.id)).toEqual(['master.region.create']);
    expect(await auditActions(station.id)).toEqual(['master.station.create']);
    expect(await mastersEvents()).toBe(eventsBefore + 3);
  });

  it('answers bad values with field errors and duplicates with CONFLICT on the field', async () => {
    const badCode = await failure(admin.orgMasters.createState.mutate({ name: 'Nowhere', gstCode: '99' }));
    expect(badCode.code).toBe('BAD_REQUEST');
    expect(badCode.fieldErrors.gstCode).toEqual(['Not a GST state code']);
    const nul = await failure(admin.orgMasters.createState.mutate({ name: 'Ker\u0000ala', gstCode: '32' }));
    expect(nul).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { name: ['Remove the NUL or broken Unicode characters'] } });
    expect((await failure(admin.orgMasters.organizations.query({ search: '\u0000' }))).code).toBe('BAD_REQUEST');
    const taken = await failure(admin.orgMasters.createState.mutate({ name: 'Gujarat Two', gstCode: '24' }));
    expect(taken).toMatchObject({
      code: 'CONFLICT',
      fieldErrors: { gstCode: ['GST state code 24 is already used by another state'] },
    });
    const sameName = await failure(admin.orgMasters.createState.mutate({ name: 'gujarat', gstCode: '30' }));
    expect(sameName).toMatchObject({ code: 'CONFLICT', fieldErrors: { name: ['gujarat already exists'] } });

    const tree = await admin.orgMasters.locations.query();
    const gujarat = tree.find((s) => s.gstCode === '24')!;
    const region = gujarat.regions[0]!;
    const dupRegion = await failure(
      admin.orgMasters.createRegion.mutate({ stateId: gujarat.id, name: region.name.toUpperCase() }),
    );
    expect(dupRegion.code).toBe('CONFLICT');
    expect(dupRegion.fieldErrors.name).toHaveLength(1);

    const badPlace = await failure(
      admin.orgMasters.createStation.mutate({ regionId: region.id, name: 'X', latitude: 95, longitude: -181 }),
    );
    expect(badPlace.code).toBe('BAD_REQUEST');
    expect(Object.keys(badPlace.fieldErrors).sort()).toEqual(['latitude', 'longitude', 'name']);
    const dupStation = await failure(
      admin.orgMasters.createStation.mutate({ regionId: region.id, name: region.stations[0]!.name, latitude: 22, longitude: 71 }),
    );
    expect(dupStation).toMatchObject({
      code: 'CONFLICT',
      fieldErrors: { name: [`${region.stations[0]!.name} already exists in this region`] },
    });
  });

  it('updates and deactivates, refuses to delete what is referenced, deletes what is not', async () => {
    const state = await admin.orgMasters.createState.mutate({ name: 'Goa', gstCode: '30' });
    const region = await admin.orgMasters.createRegion.mutate({ stateId: state.id, name: 'North Goa' });
    const station = await admin.orgMasters.createStation.mutate({
      regionId: region.id,
      name: 'Mapsa',
      latitude: 15.59,
      longitude: 73.81,
    });
    const renamed = await admin.orgMasters.updateStation.mutate({
      id: station.id,
      name: 'Mapusa',
      latitude: 15.5937,
      longitude: 73.8142,
    });
    expect(renamed).toMatchObject({ name: 'Mapusa', latitude: '15.593700' });

    await admin.orgMasters.setRegionActive.mutate({ id: region.id, active: false });
    const activeOnly = await admin.orgMasters.locations.query({ includeInactive: false });
    expect(activeOnly.find((s) => s.id === state.id)?.regions).toEqual([]);
    const publicTree = await buyer.masters.locations.query();
    expect(publicTree.find((s) => s.id === state.id)?.regions).toEqual([]);
    const underInactive = await failure(admin.orgMasters.setStationActive.mutate({ id: station.id, active: true }));
    expect(underInactive.code).toBe('CONFLICT');
    await admin.orgMasters.setRegionActive.mutate({ id: region.id, active: true });

    const inUse = await failure(admin.orgMasters.deleteRegion.mutate({ id: region.id }));
    expect(inUse.code).toBe('CONFLICT');
    expect(inUse.message).toMatch(/used by 1 stations/);
    const stateInUse = await failure(admin.orgMasters.deleteState.mutate({ id: state.id }));
    expect(stateInUse.code).toBe('CONFLICT');

    await admin.orgMasters.deleteStation.mutate({ id: station.id });
    await admin.orgMasters.deleteRegion.mutate({ id: region.id });
    await admin.orgMasters.deleteState.mutate({ id: state.id });
    expect((await admin.orgMasters.locations.query()).find((s) => s.id === state.id)).toBeUndefined();
    expect(await auditActions(station.id)).toEqual(['master.station.create', 'master.station.update', 'master.station.delete']);
    expect(await auditActions(region.id)).toEqual([
      'master.region.create',
      'master.region.deactivate',
      'master.region.activate',
      'master.region.delete',
    ]);
  });

  it('keeps a station and a GST state code that partner addresses use', async () => {
    const state = await admin.orgMasters.createState.mutate({ name: 'Ladakh', gstCode: '38' });
    const region = await admin.orgMasters.createRegion.mutate({ stateId: state.id, name: 'Leh' });
    const station = await admin.orgMasters.createStation.mutate({
      regionId: region.id,
      name: 'Leh Town',
      latitude: 34.15,
      longitude: 77.58,
    });
    const [partner] = await server.handle.db.select({ id: partners.id }).from(partners).limit(1);
    await server.handle.db.insert(partnerAddresses).values({
      partnerId: partner!.id,
      kind: 'SHIP_TO',
      line1: 'Main Bazaar',
      city: 'Leh',
      stateCode: '38',
      pincode: '194101',
      stationId: station.id,
    });

    const stationUsed = await failure(admin.orgMasters.deleteStation.mutate({ id: station.id }));
    expect(stationUsed).toMatchObject({
      code: 'CONFLICT',
      message: 'Leh Town is used by 1 partner addresses; deactivate it instead of deleting it.',
    });
    const codeUsed = await failure(admin.orgMasters.updateState.mutate({ id: state.id, name: 'Ladakh', gstCode: '01' }));
    expect(codeUsed.code).toBe('CONFLICT');
    expect(codeUsed.fieldErrors.gstCode?.[0]).toMatch(/used by 1 partner addresses/);
    // Renaming keeps the code, so it is allowed; deactivating is the way to retire a station in use.
    await admin.orgMasters.updateState.mutate({ id: state.id, name: 'Ladakh UT', gstCode: '38' });
    expect((await admin.orgMasters.setStationActive.mutate({ id: station.id, active: false })).active).toBe(false);
  });
});

describe('organizations', () => {
  it('validates PAN and GSTIN against each other, field by field', async () => {
    const badPan = await failure(
      admin.orgMasters.createOrganization.mutate({ name: 'Kapas Gujarat LLP', pan: 'ABC', gstin: null }),
    );
    expect(badPan.code).toBe('BAD_REQUEST');
    expect(Object.keys(badPan.fieldErrors)).toEqual(['pan']);
    const mismatch = await failure(
      admin.orgMasters.createOrganization.mutate({ name: 'Kapas Gujarat LLP', pan: 'AAACL4321P', gstin: '27AAACK4321P1ZD' }),
    );
    expect(mismatch.fieldErrors.gstin?.[0]).toMatch(/does not contain the PAN/);
    const dup = await failure(
      admin.orgMasters.createOrganization.mutate({ name: 'kapas brokerage services pvt ltd', pan: null, gstin: null }),
    );
    expect(dup).toMatchObject({ code: 'CONFLICT', fieldErrors: { name: ['kapas brokerage services pvt ltd already exists'] } });
  });

  it('creates, updates, deactivates and finds an organization', async () => {
    const short = await failure(
      admin.orgMasters.createOrganization.mutate({
        name: 'Kapas Commodities Pvt Ltd',
        pan: 'aaack4321p',
        gstin: '24AAACK4321P1Z',
        address: '',
      }),
    );
    expect(short.code).toBe('BAD_REQUEST');
    expect(Object.keys(short.fieldErrors)).toEqual(['gstin']);
    const org = await admin.orgMasters.createOrganization.mutate({
      name: 'Kapas Commodities Pvt Ltd',
      pan: 'aaack4321p',
      gstin: null,
      address: 'Ahmedabad',
    });
    expect(org).toMatchObject({ pan: 'AAACK4321P', gstin: null, address: 'Ahmedabad', active: true });
    const updated = await admin.orgMasters.updateOrganization.mutate({
      id: org.id,
      name: org.name,
      pan: 'AAACK4321P',
      gstin: '27AAACK4321P1ZD',
      address: null,
    });
    expect(updated).toMatchObject({ gstin: '27AAACK4321P1ZD', address: null });
    await admin.orgMasters.setOrganizationActive.mutate({ id: org.id, active: false });
    const found = await admin.orgMasters.organizations.query({ search: 'commodities' });
    expect(found.items.map((o) => [o.name, o.active])).toEqual([['Kapas Commodities Pvt Ltd', false]]);
    expect(await auditActions(org.id)).toEqual([
      'master.organization.create',
      'master.organization.update',
      'master.organization.deactivate',
    ]);
  });
});

describe('financial years', () => {
  it('refuses a code that does not name the year from 1 April to 31 March', async () => {
    const wrongCode = await failure(
      admin.orgMasters.createFinancialYear.mutate({ code: '2030-32', startsOn: '2030-04-01', endsOn: '2031-03-31' }),
    );
    expect(wrongCode.code).toBe('BAD_REQUEST');
    expect(Object.keys(wrongCode.fieldErrors)).toEqual(['code']);
    const wrongDates = await failure(
      admin.orgMasters.createFinancialYear.mutate({ code: '2030-31', startsOn: '2030-01-01', endsOn: '2030-12-31' }),
    );
    expect(Object.keys(wrongDates.fieldErrors).sort()).toEqual(['endsOn', 'startsOn']);
    const notADate = await failure(
      admin.orgMasters.createFinancialYear.mutate({ code: '2030-31', startsOn: '2030-04-31', endsOn: '2031-03-31' }),
    );
    expect(notADate.fieldErrors.startsOn).toEqual(['Enter a date as YYYY-MM-DD']);
  });

  it('creates years, keeps exactly one current even when two are made current at once, and closes', async () => {
    const seeded = await admin.orgMasters.financialYears.query();
    expect(seeded.filter((y) => y.isCurrent)).toHaveLength(1);
    const a = await admin.orgMasters.createFinancialYear.mutate({
      code: '2030-31',
      startsOn: '2030-04-01',
      endsOn: '2031-03-31',
    });
    const b = await admin.orgMasters.createFinancialYear.mutate({
      code: '2031-32',
      startsOn: '2031-04-01',
      endsOn: '2032-03-31',
    });
    const dup = await failure(
      admin.orgMasters.createFinancialYear.mutate({ code: '2030-31', startsOn: '2030-04-01', endsOn: '2031-03-31' }),
    );
    expect(dup).toMatchObject({ code: 'CONFLICT', fieldErrors: { code: ['Financial year 2030-31 already exists'] } });

    const results = await Promise.allSettled([
      admin.orgMasters.setCurrentFinancialYear.mutate({ id: a.id, version: a.version }),
      admin.orgMasters.setCurrentFinancialYear.mutate({ id: b.id, version: b.version }),
    ]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const current = await server.handle.db.select().from(financialYears).where(eq(financialYears.isCurrent, true));
    expect(current).toHaveLength(1);

    const [fresh] = await server.handle.db.select().from(financialYears).where(eq(financialYears.id, a.id));
    const aYear = fresh!.isCurrent
      ? fresh!
      : await admin.orgMasters.setCurrentFinancialYear.mutate({ id: a.id, version: fresh!.version });
    expect(aYear.isCurrent).toBe(true);
    const closeCurrent = await failure(admin.orgMasters.closeFinancialYear.mutate({ id: aYear.id, version: aYear.version }));
    expect(closeCurrent.code).toBe('CONFLICT');
    expect(closeCurrent.message).toMatch(/current year/);

    const [bNow] = await server.handle.db.select().from(financialYears).where(eq(financialYears.id, b.id));
    const stale = await failure(admin.orgMasters.closeFinancialYear.mutate({ id: b.id, version: bNow!.version + 5 }));
    expect(stale.code).toBe('CONFLICT');
    const closed = await admin.orgMasters.closeFinancialYear.mutate({ id: b.id, version: bNow!.version });
    expect(closed).toMatchObject({ closed: true, isCurrent: false });
    const readOnly = await failure(admin.orgMasters.setCurrentFinancialYear.mutate({ id: b.id, version: closed.version }));
    expect(readOnly.code).toBe('CONFLICT');
    expect(readOnly.message).toMatch(/closed/);

    const rows = await server.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'financial_year'), inArray(auditLog.entityId, [a.id, b.id])));
    expect(rows.map((r) => r.action)).toContain('master.financial_year.close');
    expect(rows.filter((r) => r.action === 'master.financial_year.set_current').length).toBeGreaterThanOrEqual(1);
  });
});

describe('GST rates', () => {
  it('validates the rate and keeps history when a later rate supersedes', async () => {
    const tooHigh = await failure(
      admin.orgMasters.createGstRate.mutate({
        code: 'LINT_TEST',
        description: 'Lint',
        rate: '100.5',
        effectiveFrom: '2020-01-01',
      }),
    );
    expect(tooHigh.code).toBe('BAD_REQUEST');
    expect(Object.keys(tooHigh.fieldErrors)).toEqual(['rate']);

    const first = await admin.orgMasters.createGstRate.mutate({
      code: 'LINT_TEST',
      description: 'Lint',
      hsnCode: '5201',
      rate: '5',
      effectiveFrom: '2020-01-01',
    });
    await admin.orgMasters.createGstRate.mutate({
      code: 'LINT_TEST',
      description: 'Lint',
      hsnCode: '5201',
      rate: '12.5',
      effectiveFrom: '2024-01-01',
    });
    const earlier = await failure(
      admin.orgMasters.createGstRate.mutate({ code: 'LINT_TEST', description: 'Lint', rate: '6', effectiveFrom: '2023-01-01' }),
    );
    expect(earlier.code).toBe('CONFLICT');
    expect(earlier.fieldErrors.effectiveFrom?.[0]).toMatch(/after 2024-01-01/);

    const page = await admin.orgMasters.gstRates.query({ search: 'LINT_TEST' });
    expect(page.total).toBe(1);
    expect(page.items[0]?.current?.rate).toBe('12.50');
    expect(page.items[0]?.history.map((r) => r.rate)).toEqual(['5.00']);

    const frozen = await failure(
      admin.orgMasters.updateGstRate.mutate({
        id: first.id,
        version: 1,
        description: 'Lint',
        hsnCode: '5201',
        rate: '7',
        effectiveFrom: '2020-01-01',
      }),
    );
    expect(frozen.fieldErrors.rate?.[0]).toMatch(/already in effect/);
    await admin.orgMasters.updateGstRate.mutate({
      id: first.id,
      version: 1,
      description: 'Raw lint',
      hsnCode: '5201',
      rate: '5',
      effectiveFrom: '2020-01-01',
    });
    const stale = await failure(
      admin.orgMasters.updateGstRate.mutate({
        id: first.id,
        version: 1,
        description: 'Lost',
        hsnCode: null,
        rate: '5',
        effectiveFrom: '2020-01-01',
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(await auditActions(first.id)).toEqual(['master.gst_rate.create', 'master.gst_rate.update']);
  });

  it('lists the seeded rates page by page', async () => {
    const page = await admin.orgMasters.gstRates.query({ pageSize: 2, page: 1 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(4);
  });
});

describe('commission structures', () => {
  it('validates the rate per basis, the code and the commodity, and checks versions', async () => {
    const tooMuch = await failure(
      admin.orgMasters.createCommissionStructure.mutate({
        code: 'PCT_X',
        name: 'Percent X',
        basis: 'PERCENT',
        rate: '150',
        side: 'BUYER',
        effectiveFrom: '2026-04-01',
      }),
    );
    expect(tooMuch).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { rate: ['A percentage is from 0 to 100 with up to 4 decimals'] },
    });
    const taken = await failure(
      admin.orgMasters.createCommissionStructure.mutate({
        code: 'STD_BUYER',
        name: 'Again',
        basis: 'PERCENT',
        rate: '1',
        side: 'BUYER',
        effectiveFrom: '2026-04-01',
      }),
    );
    expect(taken).toMatchObject({ code: 'CONFLICT', fieldErrors: { code: ['STD_BUYER is already used'] } });
    const noCommodity = await failure(
      admin.orgMasters.createCommissionStructure.mutate({
        code: 'PCT_X',
        name: 'Percent X',
        basis: 'PERCENT',
        rate: '1',
        side: 'BUYER',
        commodityId: '00000000-0000-4000-8000-000000000000',
        effectiveFrom: '2026-04-01',
      }),
    );
    expect(Object.keys(noCommodity.fieldErrors)).toEqual(['commodityId']);

    const created = await admin.orgMasters.createCommissionStructure.mutate({
      code: 'BALE_50',
      name: 'Fifty a bale',
      basis: 'PER_BALE',
      rate: '50',
      side: 'BOTH',
      effectiveFrom: '2026-04-01',
    });
    const updated = await admin.orgMasters.updateCommissionStructure.mutate({
      id: created.id,
      code: 'BALE_50',
      name: 'Fifty a bale',
      basis: 'PER_BALE',
      side: 'BOTH',
      effectiveFrom: '2026-04-01',
      commodityId: null,
      rate: '55.50',
      version: 1,
    });
    expect(updated).toMatchObject({ rate: '55.5000', version: 2 });
    const stale = await failure(
      admin.orgMasters.setCommissionStructureActive.mutate({ id: created.id, active: false, version: 1 }),
    );
    expect(stale.code).toBe('CONFLICT');
    await admin.orgMasters.setCommissionStructureActive.mutate({ id: created.id, active: false, version: 2 });
    const activeOnly = await admin.orgMasters.commissionStructures.query({ includeInactive: false });
    expect(activeOnly.items.map((c) => c.code)).not.toContain('BALE_50');
    expect(activeOnly.items.map((c) => c.code)).toEqual(expect.arrayContaining(['STD_BUYER', 'STD_SELLER']));
    expect(await auditActions(created.id)).toEqual([
      'master.commission.create',
      'master.commission.update',
      'master.commission.deactivate',
    ]);
  });
});

describe('access', () => {
  it('refuses every write to partner users and to staff without master:write, and writes nothing', async () => {
    const auditBefore = (await server.handle.db.select({ n: count() }).from(auditLog))[0]!.n;
    const [gujarat] = (await admin.orgMasters.locations.query()).filter((s) => s.gstCode === '24');
    const attempts = (c: KapasClient) => [
      c.orgMasters.createState.mutate({ name: 'Sikkim', gstCode: '11' }),
      c.orgMasters.createRegion.mutate({ stateId: gujarat!.id, name: 'Kutch' }),
      c.orgMasters.createOrganization.mutate({ name: 'Mine Pvt Ltd', pan: null, gstin: null }),
      c.orgMasters.createFinancialYear.mutate({ code: '2040-41', startsOn: '2040-04-01', endsOn: '2041-03-31' }),
      c.orgMasters.createGstRate.mutate({ code: 'FREE', description: 'Free', rate: '0', effectiveFrom: '2026-01-01' }),
      c.orgMasters.createCommissionStructure.mutate({
        code: 'ZERO',
        name: 'Zero',
        basis: 'PERCENT',
        rate: '0',
        side: 'BOTH',
        effectiveFrom: '2026-01-01',
      }),
      c.orgMasters.deleteState.mutate({ id: gujarat!.id }),
    ];
    for (const client of [buyer, auditor]) {
      for (const call of attempts(client)) expect((await failure(call)).code).toBe('FORBIDDEN');
    }
    expect((await server.handle.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore);
  });
});
