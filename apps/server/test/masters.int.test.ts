import type { KapasClient } from '@kapas/client';
import { auditLog, masterItems } from '@kapas/db';
import { count, eq } from 'drizzle-orm';
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

const rowCount = async () => (await server.handle.db.select({ n: count() }).from(masterItems))[0]!.n;

describe('masters CRUD through the typed client', () => {
  it('lists the seeded cotton commodity and term lists with server-side pagination and search', async () => {
    const [cotton] = await buyer.masters.commodities.query();
    expect(cotton?.code).toBe('COTTON');
    expect(cotton?.qualityTemplate.find((p) => p.name === 'micronaire')).toMatchObject({ min: 3, max: 5.5, weight: 1 });

    const page1 = await buyer.masters.items.query({ kind: 'CERTIFICATE_TYPE', pageSize: 5, page: 1 });
    const page3 = await buyer.masters.items.query({ kind: 'CERTIFICATE_TYPE', pageSize: 5, page: 3 });
    expect(page1.total).toBe(13);
    expect(page1.items).toHaveLength(5);
    expect(page3.items).toHaveLength(3);
    const found = await buyer.masters.items.query({ kind: 'VARIETY', search: 'shank' });
    expect(found.items.map((i) => i.name)).toEqual(['Shankar-6']);
  });

  it('creates, updates and deactivates an item, auditing each change', async () => {
    const auditBefore = (await server.handle.db.select({ n: count() }).from(auditLog))[0]!.n;
    const created = await admin.masters.createItem.mutate({
      kind: 'PAYMENT_TERM',
      code: 'CREDIT_45',
      name: 'Credit 45 days',
      days: 45,
    });
    expect(created).toMatchObject({ code: 'CREDIT_45', days: 45, version: 1, active: true });
    const updated = await admin.masters.updateItem.mutate({
      id: created.id,
      version: 1,
      code: 'CREDIT_45',
      name: 'Credit 45',
      days: 45,
      sortOrder: 3,
    });
    expect(updated.version).toBe(2);
    const inactive = await admin.masters.setItemActive.mutate({ id: created.id, active: false, version: 2 });
    expect(inactive.active).toBe(false);
    const listed = await buyer.masters.items.query({ kind: 'PAYMENT_TERM' });
    expect(listed.items.map((i) => i.code)).not.toContain('CREDIT_45');
    const rows = await server.handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(rows.map((r) => r.action)).toEqual(['master.item.create', 'master.item.update', 'master.item.deactivate']);
    expect((await server.handle.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore + 3);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const created = await admin.masters.createItem.mutate({ kind: 'VARIETY', code: 'V_797', name: 'V-797', days: null });
    await admin.masters.updateItem.mutate({
      id: created.id,
      version: 1,
      code: 'V_797',
      name: 'V-797 new',
      days: null,
      sortOrder: 0,
    });
    const stale = await failure(
      admin.masters.updateItem.mutate({
        id: created.id,
        version: 1,
        code: 'V_797',
        name: 'lost update',
        days: null,
        sortOrder: 0,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    const list = await admin.masters.items.query({ kind: 'VARIETY', search: 'V-797' });
    expect(list.items[0]?.name).toBe('V-797 new');
  });

  it('answers validation problems with field errors and writes nothing', async () => {
    const before = await rowCount();
    const bad = await failure(admin.masters.createItem.mutate({ kind: 'VARIETY', code: 'lower case', name: 'x', days: null }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['code', 'name']);
    const noDays = await failure(
      admin.masters.createItem.mutate({ kind: 'DELIVERY_TERM', code: 'EX_MILL', name: 'Ex-Mill', days: null }),
    );
    expect(noDays.fieldErrors.days).toEqual(['Enter the number of days for this term']);
    const duplicate = await failure(
      admin.masters.createItem.mutate({ kind: 'VARIETY', code: 'SUVIN', name: 'Suvin again', days: null }),
    );
    expect(duplicate).toMatchObject({ code: 'CONFLICT', fieldErrors: { code: ['SUVIN is already used'] } });
    expect(await rowCount()).toBe(before);
  });

  it('validates quality templates per row: min below max, unique names', async () => {
    const [cotton] = await admin.masters.commodities.query();
    const template = cotton!.qualityTemplate.map((p) => ({ ...p }));
    template[1] = { ...template[1]!, min: 6, max: 5 };
    template[2] = { ...template[2]!, name: template[0]!.name };
    const { id, version, code, name, hsnCode, tradeUnit, rateUnit } = cotton!;
    const err = await failure(
      admin.masters.updateCommodity.mutate({
        id,
        version,
        code,
        name,
        hsnCode,
        tradeUnit,
        rateUnit,
        gstRate: 5,
        qualityTemplate: template,
      }),
    );
    expect(err.fieldErrors).toMatchObject({
      'qualityTemplate.1.max': ['Maximum must be above minimum'],
      'qualityTemplate.2.name': [expect.stringContaining('more than once')],
    });
    const [unchanged] = await admin.masters.commodities.query();
    expect(unchanged?.version).toBe(version);
  });

  it('denies writes without master:write (FORBIDDEN) and anonymous reads (UNAUTHORIZED)', async () => {
    const before = await rowCount();
    expect(
      (await failure(auditor.masters.createItem.mutate({ kind: 'VARIETY', code: 'NOPE', name: 'Nope', days: null }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(buyer.masters.createItem.mutate({ kind: 'VARIETY', code: 'NOPE', name: 'Nope', days: null }))).code,
    ).toBe('FORBIDDEN');
    const { createKapasClient } = await import('@kapas/client');
    expect((await failure(createKapasClient({ url: server.url }).masters.commodities.query())).code).toBe('UNAUTHORIZED');
    expect(await rowCount()).toBe(before);
  });
});
