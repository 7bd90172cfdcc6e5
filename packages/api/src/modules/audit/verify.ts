import { auditLog, type Database } from '@kapas/db';
import { asc, gt } from 'drizzle-orm';
import { type ChainRow, firstBrokenRow, GENESIS_HASH } from './chain';

export type VerifyResult = { ok: true; rows: number } | { ok: false; rows: number; firstBrokenId: number };

/** Walks the whole chain in pages and names the first row that was altered, removed or inserted out of band. */
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
      .limit(1000);
    if (page.length === 0) return { ok: true, rows: count };
    const broken = firstBrokenRow(page, prev);
    if (broken !== null) return { ok: false, rows: count, firstBrokenId: broken };
    count += page.length;
    prev = page[page.length - 1]!.hash;
    lastId = page[page.length - 1]!.id;
  }
}
