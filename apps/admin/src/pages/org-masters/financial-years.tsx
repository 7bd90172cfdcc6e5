import type { RouterOutputs } from '@kapas/api';
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  errorMessage,
  LoadingState,
  PageHeader,
  toast,
  trpc,
} from '@kapas/ui';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { useCanWriteMasters } from '../../lib/permissions';
import { FieldsDialog } from './fields-dialog';

type FinancialYear = RouterOutputs['orgMasters']['financialYears'][number];

/** Mirrors the server rule (1 April – 31 March, coded 2026-27) to prefill the dates; the server decides. */
function spanOf(startYear: number) {
  return {
    code: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`,
    startsOn: `${startYear}-04-01`,
    endsOn: `${startYear + 1}-03-31`,
  };
}
function deriveFromCode(code: string): Record<string, string> {
  const m = /^(\d{4})-\d{2}$/.exec(code.trim());
  if (!m) return {};
  const { startsOn, endsOn } = spanOf(Number(m[1]));
  return { startsOn, endsOn };
}

export function FinancialYearsPage() {
  const canWrite = useCanWriteMasters();
  const years = trpc.orgMasters.financialYears.useQuery();
  const utils = trpc.useUtils();
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<FinancialYear | null>(null);
  const create = trpc.orgMasters.createFinancialYear.useMutation({
    onSuccess: () => void utils.orgMasters.financialYears.invalidate(),
  });
  const onError = (error: unknown) => toast.error(errorMessage(error));
  const setCurrent = trpc.orgMasters.setCurrentFinancialYear.useMutation({
    onSuccess: (row) => {
      toast.success(`${row.code} is now the current financial year`);
      void utils.orgMasters.financialYears.invalidate();
    },
    onError,
  });
  const close = trpc.orgMasters.closeFinancialYear.useMutation({
    onSuccess: (row) => {
      toast.success(`${row.code} is closed`);
      setClosing(null);
      void utils.orgMasters.financialYears.invalidate();
    },
    onError,
  });

  const latestStart = years.data?.[0] ? Number(years.data[0].startsOn.slice(0, 4)) : new Date().getFullYear();
  const next = spanOf(latestStart + 1);

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Financial years"
        description="Indian financial years run from 1 April to 31 March. Exactly one is current; closed years are read-only."
        actions={
          canWrite ? (
            <Button onClick={() => setCreating(true)}>
              <Plus aria-hidden /> New financial year
            </Button>
          ) : (
            <Badge>Read only</Badge>
          )
        }
      />
      {years.isPending ? (
        <LoadingState />
      ) : years.isError ? (
        <ErrorState error={years.error} onRetry={() => void years.refetch()} />
      ) : years.data.length === 0 ? (
        <EmptyState title="No financial years yet" />
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="Financial years">
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th className="px-5 py-2.5">Code</th>
                <th className="px-5 py-2.5">From</th>
                <th className="px-5 py-2.5">To</th>
                <th className="px-5 py-2.5">Status</th>
                {canWrite ? (
                  <th className="px-5 py-2.5">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {years.data.map((y) => (
                <tr key={y.id} data-testid={`fy-${y.code}`}>
                  <td className="px-5 py-2.5 font-medium text-slate-900">{y.code}</td>
                  <td className="px-5 py-2.5 tabular-nums">{y.startsOn}</td>
                  <td className="px-5 py-2.5 tabular-nums">{y.endsOn}</td>
                  <td className="px-5 py-2.5">
                    {y.isCurrent ? (
                      <Badge tone="success">Current</Badge>
                    ) : y.closed ? (
                      <Badge>Closed</Badge>
                    ) : (
                      <Badge tone="brand">Open</Badge>
                    )}
                  </td>
                  {canWrite ? (
                    <td className="px-5 py-2.5 text-right">
                      {y.closed || y.isCurrent ? null : (
                        <div className="flex justify-end gap-2">
                          <Button
                            variant="secondary"
                            size="sm"
                            loading={setCurrent.isPending && setCurrent.variables.id === y.id}
                            onClick={() => setCurrent.mutate({ id: y.id, version: y.version })}
                            aria-label={`Make ${y.code} current`}
                          >
                            Make current
                          </Button>
                          <Button variant="ghost" size="sm" onClick={() => setClosing(y)} aria-label={`Close ${y.code}`}>
                            Close
                          </Button>
                        </div>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {creating ? (
        <FieldsDialog
          title="New financial year"
          description="The code names the year: 2026-27 runs from 1 April 2026 to 31 March 2027."
          fields={[
            {
              name: 'code',
              label: 'Code',
              hint: 'Start year and the next year’s last two digits',
              maxLength: 7,
              derive: deriveFromCode,
            },
            { name: 'startsOn', label: 'Starts on', kind: 'date' },
            { name: 'endsOn', label: 'Ends on', kind: 'date' },
          ]}
          initial={next}
          submitLabel="Create financial year"
          success="Financial year created"
          onSubmit={(v) => create.mutateAsync({ code: v.code ?? '', startsOn: v.startsOn ?? '', endsOn: v.endsOn ?? '' })}
          onClose={() => setCreating(false)}
        />
      ) : null}
      <ConfirmDialog
        open={closing !== null}
        onOpenChange={(open) => (open ? undefined : setClosing(null))}
        title={`Close ${closing?.code ?? ''}?`}
        description="A closed financial year is read-only and cannot be made current again."
        confirmLabel="Close year"
        pending={close.isPending}
        onConfirm={() => closing && close.mutate({ id: closing.id, version: closing.version })}
      />
    </div>
  );
}
