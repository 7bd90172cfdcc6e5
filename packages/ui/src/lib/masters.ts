import { MASTER_KINDS, type MasterKind } from '@kapas/client';

export { MASTER_KINDS, type MasterKind };

export const MASTER_KIND_LABELS: Record<MasterKind, string> = {
  VARIETY: 'Varieties',
  TRADE_TYPE: 'Trade types',
  BARGAIN_TYPE: 'Bargain types',
  PASSING_TERM: 'Passing terms',
  WEIGHTMENT_TERM: 'Weightment terms',
  DELIVERY_TERM: 'Delivery terms',
  PAYMENT_TERM: 'Payment terms',
  CERTIFICATE_TYPE: 'Certificate types',
};

/** Singular nouns for buttons and dialog titles. */
export const MASTER_KIND_SINGULAR: Record<MasterKind, string> = {
  VARIETY: 'variety',
  TRADE_TYPE: 'trade type',
  BARGAIN_TYPE: 'bargain type',
  PASSING_TERM: 'passing term',
  WEIGHTMENT_TERM: 'weightment term',
  DELIVERY_TERM: 'delivery term',
  PAYMENT_TERM: 'payment term',
  CERTIFICATE_TYPE: 'certificate type',
};

/** Kinds whose items carry a number of days (DOMAIN §3). */
export const KINDS_WITH_DAYS: readonly MasterKind[] = ['DELIVERY_TERM', 'PAYMENT_TERM'];

export function isMasterKind(value: string): value is MasterKind {
  return (MASTER_KINDS as readonly string[]).includes(value);
}

/** `/admin/masters/payment-term` ↔ `PAYMENT_TERM`. */
export function kindToSlug(kind: MasterKind): string {
  return kind.toLowerCase().replace(/_/g, '-');
}

export function slugToKind(slug: string): MasterKind | null {
  const kind = slug.toUpperCase().replace(/-/g, '_');
  return isMasterKind(kind) ? kind : null;
}

/** `22 – 36`, `≥ 3`, `≤ 5` or `—`. */
export function formatRange(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${min} – ${max}`;
  if (min !== null) return `≥ ${min}`;
  if (max !== null) return `≤ ${max}`;
  return '—';
}
