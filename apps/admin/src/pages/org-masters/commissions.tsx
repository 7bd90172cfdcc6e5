import type { RouterOutputs } from '@kapas/api';
import { Badge, Button, Checkbox, type Column, DataTable, errorMessage, Label, PageHeader, toast, trpc } from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import { useCanWriteMasters } from '../../lib/permissions';
import { FieldsDialog } from './fields-dialog';

type Commission = RouterOutputs['orgMasters']['commissionStructures']['items'][number];

const PAGE_SIZE = 20;
const BASIS_LABEL: Record<string, string> = { PERCENT: '% of value', PER_BALE: 'INR per bale' };
const SIDE_LABEL: Record<string, string> = { BUYER: 'Buyer', SELLER: 'Seller', BOTH: 'Both sides' };

/** "0.5000" → "0.5": the column keeps 4 places, people read fewer. */
const trimZeros = (value: string) => value.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

export function CommissionStructuresPage() {
  const canWrite = useCanWriteMasters();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(true);
  const [editing, setEditing] = useState<Commission | 'new' | null>(null);
  const list = trpc.orgMasters.commissionStructures.useQuery(
    { page, pageSize: PAGE_SIZE, includeInactive, ...(search ? { search } : {}) },
    { placeholderData: keepPreviousData },
  );
  const commodities = trpc.masters.commodities.useQuery({ includeInactive: true });
  const commodityName = (id: string | null) => (id ? (commodities.data?.find((c) => c.id === id)?.name ?? '…') : 'Any');
  const utils = trpc.useUtils();
  const setActive = trpc.orgMasters.setCommissionStructureActive.useMutation({
    onSuccess: (row) => {
      toast.success(`${row.name} is now ${row.active ? 'active' : 'inactive'}`);
      void utils.orgMasters.commissionStructures.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const columns: Column<Commission, never>[] = [
    { id: 'code', header: 'Code', cell: (c) => <span className="font-mono text-xs">{c.code}</span> },
    { id: 'name', header: 'Name', cell: (c) => <span className="font-medium text-slate-900">{c.name}</span> },
    {
      id: 'rate',
      header: 'Rate',
      className: 'tabular-nums',
      cell: (c) => (c.basis === 'PERCENT' ? `${trimZeros(c.rate)} %` : `₹${trimZeros(c.rate)} / bale`),
    },
    { id: 'side', header: 'Side', cell: (c) => SIDE_LABEL[c.side] ?? c.side },
    { id: 'commodity', header: 'Commodity', cell: (c) => commodityName(c.commodityId) },
    { id: 'from', header: 'From', className: 'tabular-nums', cell: (c) => c.effectiveFrom },
    {
      id: 'status',
      header: 'Status',
      cell: (c) => <Badge tone={c.active ? 'success' : 'neutral'}>{c.active ? 'Active' : 'Inactive'}</Badge>,
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: <span className="sr-only">Actions</span>,
            className: 'text-right',
            cell: (c: Commission) => (
              <div className="flex justify-end gap-2">
                <Button variant="ghost" size="sm" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`}>
                  <Pencil aria-hidden /> Edit
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  loading={setActive.isPending && setActive.variables.id === c.id}
                  onClick={() => setActive.mutate({ id: c.id, active: !c.active, version: c.version })}
                  aria-label={`${c.active ? 'Deactivate' : 'Activate'} ${c.name}`}
                >
                  {c.active ? 'Deactivate' : 'Activate'}
                </Button>
              </div>
            ),
          },
        ]
      : []),
  ];

  const commodityOptions = [
    { value: '', label: 'Any commodity' },
    ...(commodities.data ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Commission structures"
        description="Brokerage as a percentage of contract value or an amount per bale, for the buyer, the seller or both."
        actions={
          canWrite ? (
            <Button onClick={() => setEditing('new')}>
              <Plus aria-hidden /> New structure
            </Button>
          ) : (
            <Badge>Read only</Badge>
          )
        }
      />
      <DataTable
        label="Commission structures"
        columns={columns}
        rows={list.data?.items}
        rowKey={(c) => c.id}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        search={search}
        onSearchChange={(q) => {
          setSearch(q);
          setPage(1);
        }}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyTitle={search ? `Nothing matches “${search}”` : 'No commission structures yet'}
        rowClassName={(c) => (c.active ? undefined : 'text-slate-400')}
        toolbar={
          <div className="flex items-center gap-2">
            <Checkbox
              id="commission-inactive"
              checked={includeInactive}
              onChange={(e) => {
                setIncludeInactive(e.target.checked);
                setPage(1);
              }}
            />
            <Label htmlFor="commission-inactive" className="font-normal">
              Include inactive
            </Label>
          </div>
        }
      />
      {editing ? (
        <CommissionDialog
          commission={editing === 'new' ? null : editing}
          commodityOptions={commodityOptions}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

function CommissionDialog({
  commission,
  commodityOptions,
  onClose,
}: {
  commission: Commission | null;
  commodityOptions: { value: string; label: string }[];
  onClose: () => void;
}) {
  const utils = trpc.useUtils();
  const onSuccess = () => void utils.orgMasters.commissionStructures.invalidate();
  const create = trpc.orgMasters.createCommissionStructure.useMutation({ onSuccess });
  const update = trpc.orgMasters.updateCommissionStructure.useMutation({ onSuccess });
  return (
    <FieldsDialog
      title={commission ? `Edit ${commission.name}` : 'New commission structure'}
      fields={[
        { name: 'code', label: 'Code', hint: 'Capital letters, digits and underscores', maxLength: 32 },
        { name: 'name', label: 'Name', maxLength: 80 },
        {
          name: 'basis',
          label: 'Basis',
          kind: 'select',
          options: Object.entries(BASIS_LABEL).map(([value, label]) => ({ value, label })),
        },
        { name: 'rate', label: 'Rate', kind: 'decimal', hint: 'Percent: 0–100. Per bale: INR, 2 decimals.', maxLength: 12 },
        {
          name: 'side',
          label: 'Charged to',
          kind: 'select',
          options: Object.entries(SIDE_LABEL).map(([value, label]) => ({ value, label })),
        },
        { name: 'commodityId', label: 'Commodity', kind: 'select', options: commodityOptions },
        { name: 'effectiveFrom', label: 'Effective from', kind: 'date' },
      ]}
      initial={{
        code: commission?.code ?? '',
        name: commission?.name ?? '',
        basis: commission?.basis ?? 'PERCENT',
        rate: commission ? trimZeros(commission.rate) : '',
        side: commission?.side ?? 'BOTH',
        commodityId: commission?.commodityId ?? '',
        effectiveFrom: commission?.effectiveFrom ?? '',
      }}
      submitLabel={commission ? 'Save changes' : 'Create structure'}
      success={commission ? 'Commission structure saved' : 'Commission structure created'}
      onSubmit={(v) => {
        const fields = {
          code: v.code ?? '',
          name: v.name ?? '',
          basis: v.basis === 'PER_BALE' ? ('PER_BALE' as const) : ('PERCENT' as const),
          rate: v.rate ?? '',
          side: v.side === 'BUYER' ? ('BUYER' as const) : v.side === 'SELLER' ? ('SELLER' as const) : ('BOTH' as const),
          commodityId: v.commodityId ? v.commodityId : null,
          effectiveFrom: v.effectiveFrom ?? '',
        };
        return commission
          ? update.mutateAsync({ id: commission.id, version: commission.version, ...fields })
          : create.mutateAsync(fields);
      }}
      onClose={onClose}
    />
  );
}
