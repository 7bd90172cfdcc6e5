import { createKapasClient, type KapasClient } from '@kapas/client';
import { auditLog, users } from '@kapas/db';
import { asc, count, eq, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { failure, signInAs } from './helpers';

let server: TestServer;
let admin: KapasClient;
let auditor: KapasClient;
let support: KapasClient;
let buyer: KapasClient;

beforeAll(async () => {
  server = await startTestServer();
  [admin, auditor, support, buyer] = await Promise.all([
    signInAs(server, 'admin@kapas.local'),
    signInAs(server, 'auditor@kapas.local'),
    signInAs(server, 'support@kapas.local'),
    signInAs(server, 'buyer@saurashtra-mills.example'),
  ]);
});
afterAll(() => server.stop());

const db = () => server.handle.db;
const auditCount = async () => (await db().select({ n: count() }).from(auditLog))[0]!.n;
const userId = async (email: string) => (await db().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

/** The database's own message for a refused statement (drizzle wraps the driver error as `cause`). */
async function refusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (e) {
    const error = e as Error & { cause?: Error };
    return `${error.cause?.message ?? ''} ${error.message}`;
  }
  throw new Error('expected the database to refuse the statement');
}

/** A small independent RFC 4180 reader, so the export is checked by parsing it back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('audit log access', () => {
  it('lets the auditor read, verify and export, and refuses support staff and partner users', async () => {
    const page = await auditor.audit.list.query({});
    expect(page.total).toBeGreaterThan(0);
    expect((await auditor.audit.verify.query()).ok).toBe(true);
    const { id } = page.items[0]!;
    expect((await auditor.audit.get.query({ id })).id).toBe(id);
    expect((await auditor.audit.exportCsv.mutate({})).rows).toBeGreaterThan(0);

    for (const client of [support, buyer]) {
      expect((await failure(client.audit.list.query({}))).code).toBe('FORBIDDEN');
      expect((await failure(client.audit.get.query({ id }))).code).toBe('FORBIDDEN');
      expect((await failure(client.audit.exportCsv.mutate({}))).code).toBe('FORBIDDEN');
      expect((await failure(client.audit.verify.query())).code).toBe('FORBIDDEN');
    }
    const anonymous = createKapasClient({ url: server.url });
    expect((await failure(anonymous.audit.list.query({}))).code).toBe('UNAUTHORIZED');
  });
});

describe('audit.list filters and pagination', () => {
  let created: { id: string }[] = [];
  let startedAt = '';

  beforeAll(async () => {
    startedAt = new Date(Date.now() - 1000).toISOString();
    created = [];
    for (let n = 0; n < 3; n++) {
      created.push(
        await admin.masters.createItem.mutate({ kind: 'VARIETY', code: `FILTER_${n}`, name: `Filter ${n}`, days: null }),
      );
    }
  });

  it('pages newest first without overlap and bounds the page size', async () => {
    const all = await auditor.audit.list.query({ pageSize: 100 });
    const ids = all.items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.total).toBe(await auditCount());

    const p1 = await auditor.audit.list.query({ pageSize: 4, page: 1 });
    const p2 = await auditor.audit.list.query({ pageSize: 4, page: 2 });
    expect(p1.items).toHaveLength(4);
    expect([...p1.items, ...p2.items].map((i) => i.id)).toEqual(ids.slice(0, p1.items.length + p2.items.length));
    expect((await failure(auditor.audit.list.query({ pageSize: 101 }))).code).toBe('BAD_REQUEST');
  });

  it('filters by action prefix, entity type and entity id', async () => {
    const creates = await auditor.audit.list.query({ action: 'master.item.', entityType: 'master_item' });
    expect(creates.total).toBe(3);
    expect(creates.items.map((i) => i.entityId)).toEqual(created.map((c) => c.id).reverse());
    expect(creates.items.every((i) => i.action === 'master.item.create')).toBe(true);

    const one = await auditor.audit.list.query({ entityId: created[1]!.id });
    expect(one.items.map((i) => i.entityId)).toEqual([created[1]!.id]);

    const signIns = await auditor.audit.list.query({ action: 'auth.sign_in', pageSize: 100 });
    expect(signIns.items.length).toBeGreaterThanOrEqual(4);
    expect(signIns.items.every((i) => i.action.startsWith('auth.sign_in'))).toBe(true);
    // LIKE wildcards in the filter are literal.
    expect((await auditor.audit.list.query({ action: 'auth%' })).total).toBe(0);
    expect((await auditor.audit.list.query({ action: 'master_item' })).total).toBe(0);
  });

  it('filters by actor id or email, partner and time range', async () => {
    const adminId = await userId('admin@kapas.local');
    const byId = await auditor.audit.list.query({ actorUserId: adminId, pageSize: 100 });
    const byEmail = await auditor.audit.list.query({ actorEmail: 'ADMIN@kapas.local', pageSize: 100 });
    expect(byId.total).toBeGreaterThanOrEqual(3);
    expect(byEmail.items.map((i) => i.id)).toEqual(byId.items.map((i) => i.id));
    expect(byId.items.every((i) => i.actorUserId === adminId && i.actorEmail === 'admin@kapas.local')).toBe(true);
    expect((await auditor.audit.list.query({ actorEmail: 'nobody@kapas.local' })).total).toBe(0);

    const [buyerRow] = await db()
      .select({ partnerId: users.partnerId })
      .from(users)
      .where(eq(users.email, 'buyer@saurashtra-mills.example'));
    const partner = await auditor.audit.list.query({ partnerId: buyerRow!.partnerId!, pageSize: 100 });
    expect(partner.items.some((i) => i.action === 'auth.sign_in')).toBe(true);
    expect(partner.items.every((i) => i.partnerId === buyerRow!.partnerId)).toBe(true);

    const recent = await auditor.audit.list.query({ from: startedAt, entityType: 'master_item' });
    expect(recent.total).toBe(3);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await auditor.audit.list.query({ from: future })).total).toBe(0);
    expect((await auditor.audit.list.query({ to: startedAt, entityType: 'master_item' })).total).toBe(0);
    const reversed = await failure(auditor.audit.list.query({ from: future, to: startedAt }));
    expect(reversed.code).toBe('BAD_REQUEST');
    expect(reversed.fieldErrors.to).toBeDefined();
  });

  it('returns one entry with its old and new values, and NOT_FOUND for an unknown id', async () => {
    const item = await admin.masters.createItem.mutate({ kind: 'VARIETY', code: 'DETAIL_1', name: 'Before', days: null });
    await admin.masters.updateItem.mutate({ id: item.id, version: 1, code: 'DETAIL_1', name: 'After', days: null, sortOrder: 0 });
    const [update] = (await auditor.audit.list.query({ entityId: item.id, action: 'master.item.update' })).items;
    const detail = await auditor.audit.get.query({ id: update!.id });
    expect(detail).toMatchObject({ action: 'master.item.update', entityType: 'master_item', actorEmail: 'admin@kapas.local' });
    expect(detail.oldValues).toMatchObject({ name: 'Before', version: 1 });
    expect(detail.newValues).toMatchObject({ name: 'After', version: 2 });
    expect(detail.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await failure(auditor.audit.get.query({ id: 999_999_999 }))).code).toBe('NOT_FOUND');
  });
});

describe('audit.exportCsv', () => {
  it('escapes commas, quotes and line breaks and neutralises formulas, and audits the export', async () => {
    const evilAgent = '=HYPERLINK("http://evil.example","click")';
    const client = createKapasClient({
      url: server.url,
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('user-agent', evilAgent);
        return fetch(input, { ...init, headers });
      },
    });
    await failure(client.auth.signIn.mutate({ email: 'seller@vidarbha-ginning.example', password: 'Wrong#Password1' }));
    const item = await admin.masters.createItem.mutate({
      kind: 'VARIETY',
      code: 'CSV_1',
      name: '@Comma, "quoted" name',
      days: null,
    });

    const failed = await auditor.audit.exportCsv.mutate({ action: 'auth.sign_in_failed' });
    const rows = parseCsv(failed.csv);
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['id', 'at', 'actor_user_id']);
    const ua = header.indexOf('user_agent');
    expect(failed.rows).toBe(rows.length - 1);
    expect(rows.slice(1).map((r) => r[ua])).toContain(`'${evilAgent}`);
    expect(failed.csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(failed.truncated).toBe(false);

    const own = await auditor.audit.exportCsv.mutate({ entityId: item.id });
    const [head, row, ...rest] = parseCsv(own.csv);
    expect(rest).toEqual([]);
    const cell = (name: string) => row![head!.indexOf(name)];
    expect(cell('action')).toBe('master.item.create');
    expect(cell('actor_email')).toBe('admin@kapas.local');
    expect(JSON.parse(cell('new_values')!)).toMatchObject({ code: 'CSV_1', name: '@Comma, "quoted" name' });
    expect(row).toHaveLength(head!.length);

    const exports = await auditor.audit.list.query({ action: 'audit.export' });
    expect(exports.items[0]).toMatchObject({ actorEmail: 'auditor@kapas.local', entityType: 'audit_log' });
  });
});

describe('R8: audit tamper', () => {
  it('refuses UPDATE, DELETE and TRUNCATE by the application and leaves the row as it was', async () => {
    const [first] = await db().select().from(auditLog).orderBy(asc(auditLog.id)).limit(1);
    const before = await auditCount();
    expect(await refusal(db().update(auditLog).set({ action: 'tampered' }).where(eq(auditLog.id, first!.id)))).toMatch(
      /append-only/,
    );
    expect(await refusal(db().delete(auditLog).where(eq(auditLog.id, first!.id)))).toMatch(/append-only/);
    expect(await refusal(db().execute(sql`truncate audit_log`))).toMatch(/append-only/);
    const [after] = await db().select().from(auditLog).where(eq(auditLog.id, first!.id));
    expect(after).toEqual(first);
    expect(await auditCount()).toBe(before);
    expect(await admin.audit.verify.query()).toEqual({ ok: true, rows: before });
  });

  it('keeps one unbroken chain under 100 concurrent audited writes', async () => {
    const before = await auditCount();
    const made = await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        admin.masters.createItem.mutate({ kind: 'VARIETY', code: `CONC_${n}`, name: `Concurrent ${n}`, days: null }),
      ),
    );
    expect(new Set(made.map((m) => m.id)).size).toBe(100);
    const total = await auditCount();
    expect(total).toBe(before + 100);
    const rows = await db().select({ prevHash: auditLog.prevHash }).from(auditLog);
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length); // no two rows share a predecessor: no fork
    expect(await auditor.audit.verify.query()).toEqual({ ok: true, rows: total });
  });

  // Runs last: it leaves the chain broken for the rest of this file's database.
  it('names exactly the row that was altered directly in the database', async () => {
    const [victim] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'master.item.create'))
      .orderBy(asc(auditLog.id))
      .limit(1);
    expect(victim).toBeDefined();
    const victimId = victim!.id;
    await db().execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    try {
      await db().execute(sql`UPDATE audit_log SET new_values = '{"name":"forged"}'::jsonb WHERE id = ${victimId}`);
    } finally {
      await db().execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    }
    const intactBefore = (await db().select({ n: count() }).from(auditLog).where(lt(auditLog.id, victimId)))[0]!.n;
    const result = await auditor.audit.verify.query();
    expect(result).toEqual({ ok: false, rows: intactBefore, firstBrokenId: victimId });
    // The trigger is back: the app still cannot change rows.
    expect(await refusal(db().update(auditLog).set({ action: 'again' }).where(eq(auditLog.id, victimId)))).toMatch(/append-only/);
    // Later appends do not hide the break.
    await admin.masters.createItem.mutate({ kind: 'VARIETY', code: 'AFTER_TAMPER', name: 'After tamper', days: null });
    expect(await admin.audit.verify.query()).toMatchObject({ ok: false, firstBrokenId: victimId });
  });
});
