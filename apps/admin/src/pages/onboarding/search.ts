/** URL search params of the applications table, with safe defaults. */
export const APPLICATION_STATUSES = ['DRAFT', 'PENDING_VERIFICATION', 'PENDING_APPROVAL', 'ACTIVE', 'REJECTED'] as const;

export type ApplicationsSearch = { page: number; q: string; status: (typeof APPLICATION_STATUSES)[number] | '' };

export const EMPTY_APPLICATIONS_SEARCH: ApplicationsSearch = { page: 1, q: '', status: '' };

export function parseApplicationsSearch(search: Record<string, unknown>): ApplicationsSearch {
  const page = Number(search.page);
  const status =
    typeof search.status === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(search.status) ? search.status : '';
  return {
    page: Number.isInteger(page) && page > 0 && page <= 100_000 ? page : 1,
    q: typeof search.q === 'string' ? search.q.slice(0, 100) : '',
    status: status as ApplicationsSearch['status'],
  };
}
