import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client';
import { allocateNumber } from './numbers';
import { commodities, masterItems, partners, stations, users } from './schema';
import { seed } from './seed';
import { createTestDatabase } from './testing';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe('seed', () => {
  it('creates the cotton commodity with its full quality template', async () => {
    const [cotton] = await h.db.select().from(commodities).where(eq(commodities.code, 'COTTON'));
    expect(cotton?.qualityTemplate.map((p) => p.name)).toEqual(
      expect.arrayContaining(['staple_length', 'micronaire', 'strength', 'trash', 'moisture', 'colour_grade']),
    );
  });

  it('is idempotent: running it again adds nothing', async () => {
    const before = await h.db.select({ n: count() }).from(users);
    const stationsBefore = await h.db.select({ n: count() }).from(stations);
    const partnersBefore = await h.db.select({ n: count() }).from(partners);
    await seed(h.db, { demo: true });
    expect(await h.db.select({ n: count() }).from(users)).toEqual(before);
    expect(await h.db.select({ n: count() }).from(stations)).toEqual(stationsBefore);
    expect(await h.db.select({ n: count() }).from(partners)).toEqual(partnersBefore);
    // 3 trading demo partners plus one per onboarding state (seed-partners.ts).
    expect(partnersBefore[0]?.n).toBe(11);
  });

  it('seeds every term list with its days', async () => {
    const rows = await h.db.select().from(masterItems).where(eq(masterItems.kind, 'PAYMENT_TERM'));
    expect(rows.find((r) => r.code === 'CREDIT_60')?.days).toBe(60);
  });
});

describe('allocateNumber', () => {
  it('is gapless per prefix and year and rolls back with its transaction', async () => {
    const a = await allocateNumber(h.db, 'TR', 2030, 5);
    await expect(
      h.db.transaction(async (tx) => {
        await allocateNumber(tx, 'TR', 2030, 5);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const b = await allocateNumber(h.db, 'TR', 2030, 5);
    expect([a, b]).toEqual(['TR-2030-00001', 'TR-2030-00002']);
  });
});
