import type { Transaction } from '@kapas/db';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError, type FieldErrors } from '../../errors';
import { appendEvent } from '../../realtime/outbox';
import { isUniqueViolation } from '../../shared/db-errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { MASTERS_TOPIC } from '../masters/service';

export type Origin = { deps: Deps; actor: Actor; meta: RequestMeta };

export type Change = {
  action: string;
  entityType: string;
  oldValues: unknown;
  /** The error for a unique violation the pre-checks could not see (a concurrent insert). */
  duplicate: DomainError;
};

export function rejectFieldErrors(errors: FieldErrors): void {
  if (Object.keys(errors).length) throw new DomainError('BAD_REQUEST', 'Some fields are invalid', { fieldErrors: errors });
}

/** CONFLICT naming the field that clashes, so the form can show it next to that field. */
export function duplicateField(field: string, message: string): DomainError {
  return new DomainError('CONFLICT', message, { fieldErrors: { [field]: [message] } });
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found.`);
}

/**
 * Writes a change, its audit row and its masters event in one transaction. `work` returns undefined
 * when its optimistic version check matched no row: someone else changed the record first.
 */
export async function writeAudited<T extends { id: string }>(
  o: Origin,
  change: Change,
  work: (tx: Transaction) => Promise<T | undefined>,
): Promise<T> {
  try {
    return await transact(o.deps, async (tx) => {
      const row = await work(tx);
      if (!row) throw new DomainError('CONFLICT', 'Someone else changed this record. Reload it and try again.');
      await appendAudit(
        tx,
        { actor: o.actor, meta: o.meta, now: o.deps.clock() },
        { action: change.action, entityType: change.entityType, entityId: row.id, oldValues: change.oldValues, newValues: row },
      );
      await appendEvent(tx, {
        audience: 'ALL_SIGNED_IN',
        topic: MASTERS_TOPIC,
        type: change.action,
        payload: { entityType: change.entityType, id: row.id },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw change.duplicate;
    throw error;
  }
}

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
