/** Contract reads (DOMAIN §6.5): parties see theirs, staff with contract:read see all. */
import { contracts } from '@kapas/db';
import { and, count, desc, eq, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../errors';
import { offsetOf, type Page } from '../../shared/pagination';
import { canonicalJson, sha256Hex } from './canonical';
import type { Origin } from './origin';
import type { byIdInput, myContractsInput } from './schemas';
import { callerPartner } from './scope';
import { type ContractView, contractView } from './views';

export async function myContracts(
  o: Origin,
  input: z.infer<typeof myContractsInput>,
): Promise<Page<ContractView & { side: 'BUYER' | 'SELLER' }>> {
  const partnerId = callerPartner(o.actor);
  const side: SQL | undefined =
    input.side === 'BUYER'
      ? eq(contracts.buyerPartnerId, partnerId)
      : input.side === 'SELLER'
        ? eq(contracts.sellerPartnerId, partnerId)
        : or(eq(contracts.buyerPartnerId, partnerId), eq(contracts.sellerPartnerId, partnerId));
  const where = and(side);
  const [rows, [total]] = await Promise.all([
    o.deps.db
      .select()
      .from(contracts)
      .where(where)
      .orderBy(desc(contracts.createdAt))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    o.deps.db.select({ n: count() }).from(contracts).where(where),
  ]);
  return {
    items: rows.map((c) => ({
      ...contractView(c),
      side: c.buyerPartnerId === partnerId ? ('BUYER' as const) : ('SELLER' as const),
    })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

async function readable(o: Origin, id: string) {
  const [row] = await o.deps.db.select().from(contracts).where(eq(contracts.id, id));
  const a = o.actor;
  const ok =
    row &&
    (a.kind === 'BACK_OFFICE'
      ? a.capabilities.has('contract:read')
      : a.partnerId === row.buyerPartnerId || a.partnerId === row.sellerPartnerId);
  if (!row || !ok) throw new DomainError('NOT_FOUND', 'Contract not found.');
  return row;
}

export async function getContract(o: Origin, input: z.infer<typeof byIdInput>): Promise<ContractView> {
  return contractView(await readable(o, input.id));
}

/** The canonical document, its stored hash, and whether re-hashing it now gives the same value. */
export async function contractDocument(o: Origin, input: z.infer<typeof byIdInput>) {
  const row = await readable(o, input.id);
  const canonical = canonicalJson(row.document);
  return {
    number: row.number,
    document: row.document,
    canonical,
    documentHash: row.documentHash,
    verified: sha256Hex(canonical) === row.documentHash,
  };
}
