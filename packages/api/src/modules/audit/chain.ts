import { createHash } from 'node:crypto';

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
