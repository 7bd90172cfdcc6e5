/** URL search params of the partners table, parsed with safe defaults for anything missing or malformed. */

export const PARTNER_STATUSES = [
  'DRAFT',
  'PENDING_VERIFICATION',
  'PENDING_APPROVAL',
  'ACTIVE',
  'REJECTED',
  'SUSPENDED',
  'KYC_EXPIRED',
  'BLACKLISTED',
  'INACTIVE',
] as const;
export const BUSINESS_TYPES = ['BUYER', 'SELLER', 'TRADER', 'BROKER', 'SUB_BROKER', 'TRANSPORTER', 'CONTROLLER'] as const;
export const PARTNER_SORTS = ['createdAt', 'legalName', 'number', 'status'] as const;

export type PartnerSort = (typeof PARTNER_SORTS)[number];
export type PartnersSearch = {
  page: number;
  q: string;
  status: (typeof PARTNER_STATUSES)[number] | '';
  businessType: (typeof BUSINESS_TYPES)[number] | '';
  sort: PartnerSort;
  dir: 'asc' | 'desc';
};

const oneOf = <T extends string>(value: unknown, options: readonly T[]): T | '' =>
  typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : '';

export function parsePartnersSearch(search: Record<string, unknown>): PartnersSearch {
  const page = Number(search.page);
  return {
    page: Number.isInteger(page) && page > 0 && page <= 100_000 ? page : 1,
    q: typeof search.q === 'string' ? search.q.slice(0, 100) : '',
    status: oneOf(search.status, PARTNER_STATUSES),
    businessType: oneOf(search.businessType, BUSINESS_TYPES),
    sort: oneOf(search.sort, PARTNER_SORTS) || 'createdAt',
    dir: search.dir === 'asc' ? 'asc' : 'desc',
  };
}

export const EMPTY_PARTNERS_SEARCH: PartnersSearch = {
  page: 1,
  q: '',
  status: '',
  businessType: '',
  sort: 'createdAt',
  dir: 'desc',
};

export function partnerStatusTone(status: string): 'success' | 'warning' | 'danger' | 'neutral' {
  if (status === 'ACTIVE') return 'success';
  if (status === 'SUSPENDED' || status === 'KYC_EXPIRED' || status.startsWith('PENDING')) return 'warning';
  if (status === 'BLACKLISTED' || status === 'REJECTED') return 'danger';
  return 'neutral';
}
