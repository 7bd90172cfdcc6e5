import { describe, expect, it } from 'vitest';
import { type AuditFields, type ChainRow, canonicalJson, chainHash, firstBrokenRow, GENESIS_HASH } from './audit-chain';

function fields(n: number): AuditFields {
  return {
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    actorUserId: null,
    actorRole: null,
    partnerId: null,
    action: `test.${n}`,
    entityType: 'thing',
    entityId: String(n),
    oldValues: null,
    newValues: { n, b: [1, { z: 1, a: 2 }] },
    ip: '127.0.0.1',
    userAgent: null,
    requestId: null,
    sessionId: null,
  };
}

function chain(count: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const f = fields(i);
    const hash = chainHash(prev, f);
    rows.push({ ...f, id: i, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('hashes the same value the same whatever the key order or time spelling', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    const f = fields(1);
    expect(chainHash(GENESIS_HASH, { ...f, at: '2026-01-01 00:00:01+00' })).toBe(chainHash(GENESIS_HASH, f));
  });

  it('accepts an intact chain and names the first altered, removed or re-linked row', () => {
    const rows = chain(5);
    expect(firstBrokenRow(rows)).toBeNull();
    const altered = rows.map((r) => (r.id === 3 ? { ...r, action: 'tampered' } : r));
    expect(firstBrokenRow(altered)).toBe(3);
    const removed = rows.filter((r) => r.id !== 2);
    expect(firstBrokenRow(removed)).toBe(3);
    expect(firstBrokenRow(rows.slice(2), rows[1]?.hash)).toBeNull();
    expect(firstBrokenRow(rows.slice(2))).toBe(3);
  });
});
