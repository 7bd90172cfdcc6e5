import { type DbOrTx, partners } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../context';
import { DomainError } from '../../errors';
import { branchScope } from './branch-scope';
import { diff } from './rules/diff';
import { maskSnapshot } from './snapshot';
import { ownPartnerId } from './tenant';
import { getVersion, listVersions, type PartnerVersion, versionAsOf } from './versions';
import { partnerView } from './view';

/** Bank account numbers in stored snapshots are masked for staff without partner:manage, as on the live view. */
function shown(actor: Actor, v: PartnerVersion): PartnerVersion {
  return actor.capabilities.has('partner:manage') ? v : { ...v, snapshot: maskSnapshot(v.snapshot) };
}

async function assertPartner(db: DbOrTx, id: string): Promise<void> {
  const [row] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, id));
  if (!row) throw new DomainError('NOT_FOUND', 'Partner not found.');
}

export async function listFor(db: DbOrTx, partnerId: string) {
  await assertPartner(db, partnerId);
  return listVersions(db, partnerId);
}

export async function oneFor(db: DbOrTx, actor: Actor, input: { id: string; version: number }) {
  return shown(actor, await getVersion(db, input.id, input.version));
}

export async function diffFor(db: DbOrTx, actor: Actor, input: { id: string; from: number; to: number }) {
  const [a, b] = await Promise.all([getVersion(db, input.id, input.from), getVersion(db, input.id, input.to)]);
  return { from: input.from, to: input.to, changes: diff(shown(actor, a).snapshot, shown(actor, b).snapshot) };
}

export async function asOfFor(db: DbOrTx, actor: Actor, input: { id: string; at: string }) {
  return shown(actor, await versionAsOf(db, input.id, new Date(input.at)));
}

/** The caller's own partner, limited to the branches a sub-user may see. */
export function ownCompany(db: DbOrTx, actor: Actor) {
  return partnerView(db, ownPartnerId(actor), { maskBank: false, branchIds: branchScope(actor) });
}
