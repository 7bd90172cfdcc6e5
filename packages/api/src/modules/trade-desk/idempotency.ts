/**
 * Client idempotency keys (DOMAIN §6.3): the key row is inserted FIRST, inside the same
 * transaction as the effect. Its primary key serialises duplicates: a concurrent request with the
 * same key waits on the first transaction and then sees its committed row (and response). A
 * rolled-back attempt leaves no row, so a retry after a failure runs again.
 */
import { type DbOrTx, idempotencyKeys } from '@kapas/db';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '../../errors';
import { canonicalJson, sha256Hex } from './canonical';

export type IdempotencyRef = { userId: string; key: string; operation: string; payload: Record<string, unknown> };

export function requestHash(operation: string, payload: Record<string, unknown>): string {
  const { idempotencyKey: _ignored, ...rest } = payload;
  return sha256Hex(canonicalJson({ operation, payload: rest }));
}

export async function idempotent<T>(tx: DbOrTx, ref: IdempotencyRef, work: () => Promise<T>): Promise<T> {
  const hash = requestHash(ref.operation, ref.payload);
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ userId: ref.userId, key: ref.key, operation: ref.operation, requestHash: hash, response: null })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 0) {
    const [row] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.key, ref.key)));
    if (!row || row.requestHash !== hash || row.operation !== ref.operation) {
      throw new DomainError('IDEMPOTENCY_MISMATCH', 'This idempotency key was already used for a different request.');
    }
    return row.response as T;
  }
  const response = await work();
  // Stored as JSON: a replay answers exactly what the first call sent over the wire.
  const stored = JSON.parse(JSON.stringify(response ?? null)) as unknown;
  await tx
    .update(idempotencyKeys)
    .set({ response: stored })
    .where(and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.key, ref.key)));
  return stored as T;
}
