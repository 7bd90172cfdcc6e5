/**
 * Change-request routing (DOMAIN §4): amendments to PAN, GSTIN, bank accounts or the legal name
 * always need COMPLIANCE approval; contact-only changes apply at once. Everything else a partner
 * may change (trade name, CIN, TAN, addresses, branches) is an amendment the spec also routes
 * through approval, so only contacts are AUTO. The score (0–100) orders the approval queue.
 */
import type { ChangeKey } from '../snapshot';

export const HIGH_RISK: ReadonlySet<ChangeKey> = new Set<ChangeKey>(['pan', 'gstin', 'bankAccounts', 'legalName']);
const AUTO_APPROVABLE: ReadonlySet<ChangeKey> = new Set<ChangeKey>(['contacts']);

const WEIGHTS: Record<ChangeKey, number> = {
  pan: 60,
  gstin: 60,
  bankAccounts: 60,
  legalName: 50,
  branches: 30,
  addresses: 25,
  cin: 20,
  tan: 15,
  tradeName: 10,
  contacts: 5,
};

export type Route = 'AUTO' | 'APPROVAL';

export function riskScore(keys: readonly ChangeKey[]): number {
  return Math.min(
    100,
    [...new Set(keys)].reduce((sum, k) => sum + WEIGHTS[k], 0),
  );
}

export function routeFor(keys: readonly ChangeKey[]): Route {
  if (keys.length === 0) return 'APPROVAL';
  return keys.every((k) => AUTO_APPROVABLE.has(k)) ? 'AUTO' : 'APPROVAL';
}

export function isHighRisk(keys: readonly ChangeKey[]): boolean {
  return keys.some((k) => HIGH_RISK.has(k));
}
