import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../src/testing';
import { rowsOf, tokenFor } from './reliability-helpers';

/**
 * R16: real database errors injected under the running server (a check constraint that refuses
 * inserts, a trigger raising an error that names tables and constraints, a missing table) must
 * reach clients as INTERNAL with a correlation id only: no message, stack, SQL, table or
 * constraint name, over HTTP and over WebSocket.
 */
let server: TestServer;
let adminToken: string;
let buyerToken: string;
beforeAll(async () => {
  server = await startTestServer();
  adminToken = await tokenFor(server, 'admin@kapas.local');
  buyerToken = await tokenFor(server, 'buyer@saurashtra-mills.example');
});
afterAll(() => server.stop());

const LEAKS = [
  'master_items',
  'master_items_kind_code',
  'r16_refuse',
  'r16_trigger',
  'constraint',
  'violates',
  'relation',
  'select ',
  'insert ',
  'syntax',
  'postgres',
  'pglite',
  'drizzle',
  'stack',
  '.ts:',
  '.js:',
  'node_modules',
];

function expectNoLeak(text: string): void {
  const lower = text.toLowerCase();
  for (const leak of LEAKS) expect(lower, `response leaks "${leak}": ${text}`).not.toContain(leak);
}

async function post(path: string, input: unknown) {
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(input),
  });
  return { status: res.status, header: res.headers.get('x-request-id'), text: await res.text() };
}

function expectInternalWithReference(text: string): string {
  const body = JSON.parse(text) as { error: { message: string; data: { code: string; requestId: string } } };
  expect(body.error.data.code).toBe('INTERNAL');
  const id = body.error.data.requestId;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.error.message).toContain(id);
  expectNoLeak(text);
  return id;
}

const item = (code: string) => ({ kind: 'VARIETY', code, name: `R16 ${code}`, days: null });

describe('R16 injected database errors', () => {
  it('hides a check-constraint violation behind a correlation id', async () => {
    await server.handle.db.execute(
      sql.raw(`ALTER TABLE master_items ADD CONSTRAINT r16_refuse CHECK (code <> 'R16_REFUSED') NOT VALID`),
    );
    try {
      const res = await post('masters.createItem', item('R16_REFUSED'));
      expect(res.status).toBe(500);
      const id = expectInternalWithReference(res.text);
      // The same id is the one in the response header and the server log, so support can find it.
      expect(res.header).toBe(id);
    } finally {
      await server.handle.db.execute(sql.raw('ALTER TABLE master_items DROP CONSTRAINT r16_refuse'));
    }
    // Nothing half-written: the refused item does not exist, and the next insert works.
    const [row] = rowsOf<{ n: number }>(
      await server.handle.db.execute(sql.raw(`SELECT count(*)::int AS n FROM master_items WHERE code = 'R16_REFUSED'`)),
    );
    expect(row?.n).toBe(0);
    expect((await post('masters.createItem', item('R16_AFTER'))).status).toBe(200);
  });

  it('hides an error raised inside the database whose message names tables and constraints', async () => {
    await server.handle.db.execute(
      sql.raw(`CREATE FUNCTION r16_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'duplicate key value violates unique constraint "master_items_kind_code" (SELECT * FROM master_items)';
        END $$`),
    );
    await server.handle.db.execute(
      sql.raw('CREATE TRIGGER r16_trigger BEFORE UPDATE ON master_items FOR EACH ROW EXECUTE FUNCTION r16_trigger()'),
    );
    try {
      const created = JSON.parse((await post('masters.createItem', item('R16_TRIGGERED'))).text) as {
        result: { data: { id: string; version: number } };
      };
      const res = await post('masters.updateItem', {
        id: created.result.data.id,
        version: created.result.data.version,
        name: 'Renamed',
        days: null,
      });
      // PGlite answers 500; whatever the status, the text of the database error never shows.
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      if (res.status >= 500) expectInternalWithReference(res.text);
      else expectNoLeak(res.text);
    } finally {
      await server.handle.db.execute(sql.raw('DROP TRIGGER r16_trigger ON master_items'));
      await server.handle.db.execute(sql.raw('DROP FUNCTION r16_trigger()'));
    }
  });

  it('hides a missing table from queries over HTTP and from subscriptions over WebSocket', async () => {
    await server.handle.db.execute(sql.raw('ALTER TABLE master_items RENAME TO r16_gone'));
    try {
      const res = await fetch(
        `${server.url}/trpc/masters.items?input=${encodeURIComponent(JSON.stringify({ kind: 'VARIETY' }))}`,
        {
          headers: { authorization: `Bearer ${buyerToken}` },
        },
      );
      expect(res.status).toBe(500);
      expectInternalWithReference(await res.text());
    } finally {
      await server.handle.db.execute(sql.raw('ALTER TABLE r16_gone RENAME TO master_items'));
    }

    // Subscriptions replay from the events table: take it away and the socket gets a bare INTERNAL.
    await server.handle.db.execute(sql.raw('ALTER TABLE events RENAME TO r16_gone_events'));
    try {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/trpc?connectionParams=1`);
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(JSON.stringify({ method: 'connectionParams', data: { token: buyerToken } }));
      const answer = new Promise<string>((resolve) =>
        ws.on('message', (raw) => {
          const text = String(raw);
          if (text.includes('"error"')) resolve(text);
        }),
      );
      ws.send(JSON.stringify({ id: 1, method: 'subscription', params: { path: 'masters.onChange', input: { lastEventId: 0 } } }));
      const text = await answer;
      ws.terminate();
      const body = JSON.parse(text) as { error: { data: { code: string; requestId: string } } };
      expect(body.error.data.code).toBe('INTERNAL');
      expect(body.error.data.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expectNoLeak(text);
    } finally {
      await server.handle.db.execute(sql.raw('ALTER TABLE r16_gone_events RENAME TO events'));
    }
  });
});
