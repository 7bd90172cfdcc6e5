import type { RouterOutputs } from '@kapas/api';
import { Badge, Button, type Column, DataTable, PageHeader, trpc } from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import { useCanWriteMasters } from '../../lib/permissions';
import { FieldsDialog, orNull } from './fields-dialog';

type Group = RouterOutputs['orgMasters']['gstRates']['items'][number];
type Rate = NonNullable<Group['current']>;

const PAGE_SIZE = 20;

type Editing = { mode: 'new' } | { mode: 'supersede'; group: Group } | { mode: 'edit'; rate: Rate };

const latestOf = (g: Group): Rate | undefined => g.scheduled[0] ?? g.current ?? g.history[0];

export function GstRatesPage() {
  const canWrite = useCanWriteMasters();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const rates = trpc.orgMasters.gstRates.useQuery(
    { page, pageSize: PAGE_SIZE, ...(search ? { search } : {}) },
    { placeholderData: keepPreviousData },
  );

  const columns: Column<Group, never>[] = [
    { id: 'code', header: 'Code', cell: (g) => <span className="font-mono text-xs">{g.code}</span> },
    {
      id: 'description',
      header: 'Description',
      cell: (g) => <span className="text-slate-900">{latestOf(g)?.description ?? '—'}</span>,
    },
    { id: 'hsn', header: 'HSN/SAC', cell: (g) => <span className="font-mono text-xs">{latestOf(g)?.hsnCode ?? '—'}</span> },
    {
      id: 'current',
      header: 'Current rate',
      className: 'tabular-nums',
      cell: (g) =>
        g.current ? (
          <span data-testid="current-rate">
            <span className="font-medium text-slate-900">{g.current.rate} %</span>
            <span className="ml-1 text-xs text-slate-500">since {g.current.effectiveFrom}</span>
          </span>
        ) : (
          <Badge tone="warning">None in effect</Badge>
        ),
    },
    {
      id: 'history',
      header: 'Scheduled and history',
      cell: (g) =>
        g.scheduled.length + g.history.length === 0 ? (
          <span className="text-xs text-slate-400">—</span>
        ) : (
          <ul className="grid gap-0.5 text-xs text-slate-600">
            {g.scheduled.map((r) => (
              <li key={r.id}>
                <Badge tone="brand">From {r.effectiveFrom}</Badge> {r.rate} %
              </li>
            ))}
            {g.history.map((r) => (
              <li key={r.id} className="text-slate-400">
                {r.rate} % from {r.effectiveFrom}
                {r.active ? '' : ' (inactive)'}
              </li>
            ))}
          </ul>
        ),
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: <span className="sr-only">Actions</span>,
            className: 'text-right',
            cell: (g: Group) => {
              const latest = latestOf(g);
              return (
                <div className="flex justify-end gap-2">
                  {latest ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setEditing({ mode: 'edit', rate: latest })}
                      aria-label={`Edit ${g.code}`}
                    >
                      <Pencil aria-hidden /> Edit
                    </Button>
                  ) : null}
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setEditing({ mode: 'supersede', group: g })}
                    aria-label={`New rate for ${g.code}`}
                  >
                    New rate
                  </Button>
                </div>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="GST rates"
        description="A new rate for a code from a later date supersedes the older one; earlier rates stay as history."
        actions={
          canWrite ? (
            <Button onClick={() => setEditing({ mode: 'new' })}>
              <Plus aria-hidden /> New GST code
            </Button>
          ) : (
            <Badge>Read only</Badge>
          )
        }
      />
      <DataTable
        label="GST rates"
        columns={columns}
        rows={rates.data?.items}
        rowKey={(g) => g.code}
        total={rates.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        search={search}
        onSearchChange={(q) => {
          setSearch(q);
          setPage(1);
        }}
        isLoading={rates.isFetching}
        error={rates.error}
        onRetry={() => void rates.refetch()}
        emptyTitle={search ? `Nothing matches “${search}”` : 'No GST rates yet'}
      />
      {editing ? <GstRateDialog editing={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

function GstRateDialog({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const utils = trpc.useUtils();
  const onSuccess = () => void utils.orgMasters.gstRates.invalidate();
  const create = trpc.orgMasters.createGstRate.useMutation({ onSuccess });
  const update = trpc.orgMasters.updateGstRate.useMutation({ onSuccess });
  const common = [
    { name: 'description', label: 'Description', maxLength: 200 },
    { name: 'hsnCode', label: 'HSN/SAC code', hint: '4 to 8 digits (optional)', maxLength: 8 },
    { name: 'rate', label: 'Rate %', kind: 'decimal' as const, hint: '0 to 100, up to 2 decimals', maxLength: 6 },
    { name: 'effectiveFrom', label: 'Effective from', kind: 'date' as const },
  ];
  const fields = (v: Record<string, string>) => ({
    description: v.description ?? '',
    hsnCode: orNull(v.hsnCode),
    rate: v.rate ?? '',
    effectiveFrom: v.effectiveFrom ?? '',
  });

  if (editing.mode === 'edit') {
    const { rate } = editing;
    return (
      <FieldsDialog
        title={`Edit ${rate.code} from ${rate.effectiveFrom}`}
        description="A rate already in effect keeps its rate and date; add a new rate instead."
        fields={common}
        initial={{
          description: rate.description,
          hsnCode: rate.hsnCode ?? '',
          rate: rate.rate,
          effectiveFrom: rate.effectiveFrom,
        }}
        submitLabel="Save changes"
        success="GST rate saved"
        onSubmit={(v) => update.mutateAsync({ id: rate.id, version: rate.version, ...fields(v) })}
        onClose={onClose}
      />
    );
  }
  const base = editing.mode === 'supersede' ? latestOf(editing.group) : undefined;
  return (
    <FieldsDialog
      title={editing.mode === 'supersede' ? `New rate for ${editing.group.code}` : 'New GST code'}
      fields={[{ name: 'code', label: 'Code', hint: 'Capital letters, digits and underscores', maxLength: 32 }, ...common]}
      initial={{
        code: editing.mode === 'supersede' ? editing.group.code : '',
        description: base?.description ?? '',
        hsnCode: base?.hsnCode ?? '',
        rate: '',
        effectiveFrom: '',
      }}
      submitLabel="Add rate"
      success="GST rate added"
      onSubmit={(v) => create.mutateAsync({ code: v.code ?? '', ...fields(v) })}
      onClose={onClose}
    />
  );
}
