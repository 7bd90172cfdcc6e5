import { createHash } from 'node:crypto';
import { asc, gt } from 'drizzle-orm';
import type { Database } from './client';
import { auditLog } from './schema';

/** The fields of an audit row that its hash covers (everything but id and the hashes). */
export type AuditFields = {
  at: string;
  actorUserId: string | null;
  actorRole: string | null;
  partnerId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  oldValues: unknown;
  newValues: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  sessionId: string | null;
};

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, fields: AuditFields): string {
  const normalized = { ...fields, at: new Date(fields.at).toISOString() };
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(normalized)).digest('hex');
}

export type ChainRow = AuditFields & { id: number; prevHash: string; hash: string };

/** The id of the first row whose link or content does not match, or null when the chain is intact. */
export function firstBrokenRow(rows: Iterable<ChainRow>, startHash = GENESIS_HASH): number | null {
  let prev = startHash;
  for (const row of rows) {
    const { id, prevHash, hash, ...fields } = row;
    if (prevHash !== prev || chainHash(prev, fields) !== hash) return id;
    prev = hash;
  }
  return null;
}

export type VerifyResult = { ok: true; rows: number } | { ok: false; rows: number; firstBrokenId: number };

const VERIFY_PAGE = 1000;

/**
 * Walks the whole chain in id order, a page at a time, and names the first row that was altered,
 * removed or inserted out of band. `rows` counts the rows verified intact before the break.
 */
export async function verifyAuditChain(db: Database): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const page: ChainRow[] = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(VERIFY_PAGE);
    if (page.length === 0) return { ok: true, rows: count };
    const broken = firstBrokenRow(page, prev);
    if (broken !== null) return { ok: false, rows: count + page.findIndex((r) => r.id === broken), firstBrokenId: broken };
    count += page.length;
    const last = page[page.length - 1] as ChainRow;
    prev = last.hash;
    lastId = last.id;
  }
}
