import type { RouterOutputs } from '@kapas/api';
import { Alert, Badge, Button, Card, Checkbox, ErrorState, errorMessage, LoadingState, PageHeader, toast, trpc } from '@kapas/ui';
import { Lock } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useCan } from '../lib/permissions';

type Role = RouterOutputs['users']['roles'][number];

/** Roles down, capabilities across; SUPER_ADMIN is fixed, and editing needs role:manage. */
export function RolesPage() {
  const roles = trpc.users.roles.useQuery();
  const canEdit = useCan('role:manage');
  const staffRoles = useMemo(() => roles.data?.filter((r) => r.scope === 'BACK_OFFICE') ?? [], [roles.data]);
  const capabilities = useMemo(
    () => [...new Set((roles.data ?? []).flatMap((r) => r.capabilities as string[]))].sort(),
    [roles.data],
  );
  const [draft, setDraft] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(Object.fromEntries(staffRoles.map((r) => [r.code, [...(r.capabilities as string[])]])));
  }, [staffRoles]);
  const utils = trpc.useUtils();
  const update = trpc.users.updateRole.useMutation({
    onSuccess: (_data, variables) => {
      toast.success(`Saved ${variables.code}. Holders get the new permissions at once.`);
      setError(null);
      void utils.users.roles.invalidate();
    },
    onError: (e) => setError(errorMessage(e)),
  });

  if (roles.isPending) return <LoadingState />;
  if (roles.isError) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />;

  const dirty = (r: Role) => [...(draft[r.code] ?? [])].sort().join() !== [...(r.capabilities as string[])].sort().join();
  const toggle = (code: string, capability: string, on: boolean) =>
    setDraft((d) => ({
      ...d,
      [code]: on ? [...(d[code] ?? []), capability] : (d[code] ?? []).filter((c) => c !== capability),
    }));

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Roles"
        description={
          canEdit
            ? 'Tick the permissions each back-office role bundles, then save the role. Super admin always has everything.'
            : 'What each back-office role may do. You need the role:manage permission to change them.'
        }
      />
      {error ? <Alert className="mb-4">{error}</Alert> : null}
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Role permissions">
          <thead className="bg-slate-50 text-xs font-medium text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2.5 tracking-wide uppercase">
                Permission
              </th>
              {staffRoles.map((r) => (
                <th key={r.code} scope="col" className="px-2 py-2.5 text-center font-medium text-slate-700">
                  <span className="inline-flex items-center gap-1">
                    {r.name}
                    {r.code === 'SUPER_ADMIN' ? <Lock className="size-3" aria-label="fixed" /> : null}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {capabilities.map((c) => (
              <tr key={c} className="hover:bg-slate-50/60">
                <th scope="row" className="px-4 py-2 text-left font-mono text-xs font-normal whitespace-nowrap text-slate-800">
                  {c}
                </th>
                {staffRoles.map((r) => (
                  <td key={r.code} className="px-2 py-2 text-center">
                    <Checkbox
                      aria-label={`${r.name}: ${c}`}
                      disabled={r.code === 'SUPER_ADMIN' || !canEdit}
                      checked={(draft[r.code] ?? []).includes(c)}
                      onChange={(e) => toggle(r.code, c, e.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {canEdit ? (
            <tfoot className="border-t border-slate-200 bg-slate-50">
              <tr>
                <td className="px-4 py-2 text-xs text-slate-500">Save each role you changed</td>
                {staffRoles.map((r) => (
                  <td key={r.code} className="px-2 py-2 text-center">
                    {r.code === 'SUPER_ADMIN' ? (
                      <Badge>Fixed</Badge>
                    ) : (
                      <Button
                        size="sm"
                        disabled={!dirty(r)}
                        loading={update.isPending && update.variables.code === r.code}
                        onClick={() => update.mutate({ code: r.code, capabilities: draft[r.code] ?? [] })}
                        aria-label={`Save ${r.name}`}
                      >
                        Save
                      </Button>
                    )}
                  </td>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </Card>
    </div>
  );
}
