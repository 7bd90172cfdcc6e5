/** URL search params of the approvals queue, parsed with safe defaults for anything missing or malformed. */

export const APPROVAL_TYPES = [
  'PARTNER_ONBOARDING',
  'CHANGE_REQUEST',
  'CERTIFICATION',
  'DOCUMENT',
  'USER_CREATION',
  'ROLE_ASSIGNMENT',
  'SUB_USER',
  'HIGH_VALUE_TRADE',
] as const;
export const APPROVAL_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED'] as const;
export const APPROVAL_SORTS = ['createdAt', 'expiresAt', 'number'] as const;

export type ApprovalsSearch = {
  page: number;
  type: (typeof APPROVAL_TYPES)[number] | '';
  /** Empty = every state; the queue opens on PENDING. */
  status: (typeof APPROVAL_STATES)[number] | '';
  from: string;
  to: string;
  sort: (typeof APPROVAL_SORTS)[number];
  dir: 'asc' | 'desc';
  /** The request open in the detail drawer. */
  selected: string;
};

export const EMPTY_APPROVALS_SEARCH: ApprovalsSearch = {
  page: 1,
  type: '',
  status: 'PENDING',
  from: '',
  to: '',
  sort: 'createdAt',
  dir: 'asc',
  selected: '',
};

const oneOf = <T extends string>(value: unknown, options: readonly T[]): T | '' =>
  typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : '';
const day = (value: unknown): string => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');
const uuid = (value: unknown): string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : '';

export function parseApprovalsSearch(search: Record<string, unknown>): ApprovalsSearch {
  const page = Number(search.page);
  return {
    page: Number.isInteger(page) && page > 0 && page <= 100_000 ? page : 1,
    type: oneOf(search.type, APPROVAL_TYPES),
    status: search.status === 'ALL' ? '' : oneOf(search.status, APPROVAL_STATES) || 'PENDING',
    from: day(search.from),
    to: day(search.to),
    sort: oneOf(search.sort, APPROVAL_SORTS) || 'createdAt',
    dir: search.dir === 'desc' ? 'desc' : 'asc',
    selected: uuid(search.selected),
  };
}
