/**
 * P1 baseline: a bare Hono + postgres.js server that answers `GET /raw/<name>` by running the SQL
 * the Kapas procedure `<name>` was seen to run (captured from PostgreSQL's statement log, see
 * p1-capture.ts), in the same order with the same parameters, and returning the last result.
 * Run as its own process: `node --import tsx src/p1-raw-server.ts <dbUrl> <port> <statements.json>`.
 */
import { readFile } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';
import type { Captured } from './p1-capture';

const [url, port, file] = process.argv.slice(2) as [string, string, string];
const captured = JSON.parse(await readFile(file, 'utf8')) as Record<string, Captured[]>;
const sql = postgres(url, { max: 10, onnotice: () => {} });
const app = new Hono();
app.get('/raw/:name', async (c) => {
  const statements = captured[c.req.param('name')];
  if (!statements) return c.json({ error: 'unknown' }, 404);
  let last: unknown = null;
  for (const s of statements) last = await sql.unsafe(s.query, s.params, { prepare: true });
  return c.json({ result: { data: last } });
});
serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' }, () => console.log('ready'));
process.on('SIGTERM', () => void sql.end().then(() => process.exit(0)));
