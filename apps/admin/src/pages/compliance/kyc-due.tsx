import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  errorMessage,
  formatDate,
  hasCapability,
  Input,
  LoadingState,
  Select,
  toast,
  trpc,
  useMe,
} from '@kapas/ui';
import { useState } from 'react';

type Filter = 'all' | 'due-soon' | 'overdue' | 'expired';
const TONE = { ok: 'success', 'due-soon': 'warning', overdue: 'danger', expired: 'danger' } as const;

/** Partners whose annual KYC is due soon, overdue or expired, with a once-a-day "Send reminder". */
export function KycDueList() {
  const me = useMe();
  const canRemind = hasCapability(me.data, 'kyc:manage');
  const [filter, setFilter] = useState<Filter>('all');
  const [withinDays, setWithinDays] = useState(30);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const due = trpc.kyc.due.useQuery({
    filter,
    withinDays,
    page,
    pageSize: 20,
    ...(search.trim() ? { search: search.trim() } : {}),
  });
  const remind = trpc.kyc.sendReminder.useMutation({
    onSuccess: () => toast.success('Reminder sent'),
    onError: (e) => toast.error(errorMessage(e)),
  });

  return (
    <Card className="p-4" data-testid="kyc-due">
      <div className="mb-3 flex flex-wrap items-end gap-2">
        <h2 className="mr-auto text-base font-semibold text-slate-900">KYC due</h2>
        <Input
          className="w-56"
          placeholder="Search partner"
          aria-label="Search partner"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
        <Select
          className="w-40"
          aria-label="KYC state"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value as Filter);
            setPage(1);
          }}
        >
          <option value="all">All due</option>
          <option value="due-soon">Due soon</option>
          <option value="overdue">Overdue</option>
          <option value="expired">Expired</option>
        </Select>
        <Select
          className="w-36"
          aria-label="Due within"
          value={String(withinDays)}
          onChange={(e) => setWithinDays(Number(e.target.value))}
        >
          {[7, 15, 30, 60, 90].map((d) => (
            <option key={d} value={d}>
              within {d} days
            </option>
          ))}
        </Select>
      </div>
      {due.isPending ? (
        <LoadingState />
      ) : due.isError ? (
        <Alert>{errorMessage(due.error)}</Alert>
      ) : due.data.items.length === 0 ? (
        <EmptyState title="No partner matches" />
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500 uppercase">
            <tr>
              <th className="py-2">Partner</th>
              <th>State</th>
              <th>Due</th>
              <th>Days</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {due.data.items.map((r) => (
              <tr key={r.partnerId} data-testid="kyc-due-row">
                <td className="py-2">
                  <span className="font-medium text-slate-900">{r.legalName}</span>{' '}
                  <span className="text-slate-500">{r.number}</span>
                </td>
                <td>
                  {r.kycStatus ? (
                    <Badge tone={TONE[r.kycStatus]}>{r.status === 'KYC_EXPIRED' ? 'expired' : r.kycStatus}</Badge>
                  ) : null}
                </td>
                <td>{r.kycDueAt ? formatDate(r.kycDueAt) : '—'}</td>
                <td>{r.daysUntilDue ?? '—'}</td>
                <td className="text-right">
                  {canRemind ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      loading={remind.isPending && remind.variables?.partnerId === r.partnerId}
                      onClick={() => remind.mutate({ partnerId: r.partnerId })}
                    >
                      Send reminder
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {due.data && due.data.total > due.data.pageSize ? (
        <div className="mt-3 flex gap-2">
          <Button size="sm" variant="ghost" disabled={page === 1} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={page * due.data.pageSize >= due.data.total}
            onClick={() => setPage(page + 1)}
          >
            Next
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
