/**
 * Turns a proposal (whole sections the partner edited) into the change set stored on a change
 * request: only keys whose value differs, each with the value it replaces. Also answers whether a
 * change set still applies to the partner as it is now (nobody changed those keys meanwhile).
 */
import {
  type ChangeKey,
  type Changes,
  COLLECTIONS,
  type PartnerSnapshot,
  PROFILE_CHANGEABLE,
  type ProfileFields,
  valueAt,
} from '../snapshot';
import { diff } from './diff';

export type Proposal = {
  profile?: Partial<Pick<ProfileFields, (typeof PROFILE_CHANGEABLE)[number]>> | undefined;
  addresses?: PartnerSnapshot['addresses'] | undefined;
  branches?: PartnerSnapshot['branches'] | undefined;
  bankAccounts?: PartnerSnapshot['bankAccounts'] | undefined;
  contacts?: PartnerSnapshot['contacts'] | undefined;
};

const same = (a: unknown, b: unknown) => diff(a, b).length === 0;

/**
 * The proposed aggregate (current with the proposal laid over it). A branch left out of a
 * proposal is deactivated, not deleted (its id is referenced elsewhere), so it stays in the list.
 */
export function propose(current: PartnerSnapshot, p: Proposal): PartnerSnapshot {
  const kept = new Set((p.branches ?? []).map((b) => b.code));
  const dropped = current.branches.filter((b) => !kept.has(b.code)).map((b) => ({ ...b, active: false, isHeadOffice: false }));
  return {
    profile: { ...current.profile, ...(p.profile ?? {}) },
    addresses: p.addresses ?? current.addresses,
    // Proposed rows keep their positions (field errors point at them); dropped ones follow.
    branches: p.branches ? [...p.branches, ...dropped] : current.branches,
    bankAccounts: p.bankAccounts ?? current.bankAccounts,
    contacts: p.contacts ?? current.contacts,
  };
}

export function changesBetween(current: PartnerSnapshot, proposed: PartnerSnapshot): Changes {
  const changes: Changes = {};
  for (const key of [...PROFILE_CHANGEABLE, ...COLLECTIONS] as ChangeKey[]) {
    const from = valueAt(current, key);
    const to = valueAt(proposed, key);
    if (!same(from, to)) changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

export function changeKeys(changes: Changes): ChangeKey[] {
  return Object.keys(changes) as ChangeKey[];
}

/** Keys that someone changed since the request was made (their current value is no longer `from`). */
export function staleKeys(current: PartnerSnapshot, changes: Changes): ChangeKey[] {
  return changeKeys(changes).filter((k) => !same(valueAt(current, k) ?? null, changes[k]?.from ?? null));
}

/** Lays a stored change set over a snapshot (what applying it will produce). */
export function applyTo(current: PartnerSnapshot, changes: Changes): PartnerSnapshot {
  const profile: Record<string, unknown> = { ...current.profile };
  const next: PartnerSnapshot = { ...current };
  for (const key of changeKeys(changes)) {
    const to = changes[key]?.to ?? null;
    if ((COLLECTIONS as readonly string[]).includes(key)) Object.assign(next, { [key]: to });
    else profile[key] = to;
  }
  return { ...next, profile: profile as ProfileFields };
}
