import { Badge, Card, EmptyState, ErrorState, LoadingState, PageHeader, trpc } from '@kapas/ui';

export function OrganizationsPage() {
  const orgs = trpc.masters.organizations.useQuery();
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title="Organizations" description="The operator's own companies (read only)." />
      {orgs.isPending ? (
        <LoadingState />
      ) : orgs.isError ? (
        <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : orgs.data.length === 0 ? (
        <EmptyState title="No organizations yet" />
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="Organizations">
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th className="px-5 py-2.5">Name</th>
                <th className="px-5 py-2.5">GSTIN</th>
                <th className="px-5 py-2.5">PAN</th>
                <th className="px-5 py-2.5">Address</th>
                <th className="px-5 py-2.5">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {orgs.data.map((org) => (
                <tr key={org.id}>
                  <td className="px-5 py-2.5 font-medium text-slate-900">{org.name}</td>
                  <td className="px-5 py-2.5 font-mono text-xs">{org.gstin ?? '—'}</td>
                  <td className="px-5 py-2.5 font-mono text-xs">{org.pan ?? '—'}</td>
                  <td className="px-5 py-2.5 text-slate-600">{org.address ?? '—'}</td>
                  <td className="px-5 py-2.5">
                    <Badge tone={org.active ? 'success' : 'neutral'}>{org.active ? 'Active' : 'Inactive'}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
