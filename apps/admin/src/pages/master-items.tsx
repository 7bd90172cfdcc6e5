import { zodResolver } from '@hookform/resolvers/zod';
import type { RouterOutputs } from '@kapas/api';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  type Column,
  DataTable,
  Dialog,
  DialogContent,
  DialogFooter,
  errorMessage,
  FormField,
  Input,
  KINDS_WITH_DAYS,
  Label,
  MASTER_KIND_LABELS,
  MASTER_KIND_SINGULAR,
  type MasterKind,
  PageHeader,
  toast,
  trpc,
} from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { Pencil, Plus } from 'lucide-react';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useCanWriteMasters } from '../lib/permissions';
import { applyServerErrors } from '../lib/server-errors';
import type { MasterSort, MastersSearch } from '../router';

type Item = RouterOutputs['masters']['items']['items'][number];

const PAGE_SIZE = 20;

export function MasterItemsPage() {
  const { kind } = useParams({ from: '/app/masters/$kind' });
  const search = useSearch({ from: '/app/masters/$kind' });
  const navigate = useNavigate({ from: '/masters/$kind' });
  const canWrite = useCanWriteMasters();
  const withDays = KINDS_WITH_DAYS.includes(kind);
  const [editing, setEditing] = useState<Item | 'new' | null>(null);

  const setSearch = useCallback(
    (patch: Partial<MastersSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const onSearchChange = useCallback((q: string) => setSearch({ q, page: 1 }), [setSearch]);

  const items = trpc.masters.items.useQuery(
    {
      kind,
      page: search.page,
      pageSize: PAGE_SIZE,
      sort: search.sort,
      includeInactive: search.inactive,
      ...(search.q ? { search: search.q } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  const utils = trpc.useUtils();
  const setActive = trpc.masters.setItemActive.useMutation({
    onSuccess: (row) => {
      toast.success(`${row.name} is now ${row.active ? 'active' : 'inactive'}`);
      void utils.masters.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const columns: Column<Item, MasterSort>[] = [
    { id: 'code', header: 'Code', sortKey: 'code', cell: (i) => <span className="font-mono text-xs">{i.code}</span> },
    { id: 'name', header: 'Name', sortKey: 'name', cell: (i) => <span className="font-medium text-slate-900">{i.name}</span> },
    ...(withDays ? [{ id: 'days', header: 'Days', className: 'text-right tabular-nums', cell: (i: Item) => i.days ?? '—' }] : []),
    { id: 'order', header: 'Order', sortKey: 'order', className: 'tabular-nums', cell: (i) => i.sortOrder },
    {
      id: 'status',
      header: 'Status',
      cell: (i) => <Badge tone={i.active ? 'success' : 'neutral'}>{i.active ? 'Active' : 'Inactive'}</Badge>,
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: <span className="sr-only">Actions</span>,
            className: 'text-right',
            cell: (i: Item) => (
              <div className="flex justify-end gap-2">
                <Button variant="ghost" size="sm" onClick={() => setEditing(i)} aria-label={`Edit ${i.name}`}>
                  <Pencil aria-hidden /> Edit
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  loading={setActive.isPending && setActive.variables.id === i.id}
                  onClick={() => setActive.mutate({ id: i.id, active: !i.active, version: i.version })}
                  aria-label={`${i.active ? 'Deactivate' : 'Activate'} ${i.name}`}
                >
                  {i.active ? 'Deactivate' : 'Activate'}
                </Button>
              </div>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title={MASTER_KIND_LABELS[kind]}
        description={withDays ? 'Each term carries a number of days used in contracts.' : undefined}
        actions={
          canWrite ? (
            <Button onClick={() => setEditing('new')}>
              <Plus aria-hidden /> New {MASTER_KIND_SINGULAR[kind]}
            </Button>
          ) : (
            <Badge>Read only</Badge>
          )
        }
      />
      <DataTable
        label={MASTER_KIND_LABELS[kind]}
        columns={columns}
        rows={items.data?.items}
        rowKey={(i) => i.id}
        total={items.data?.total ?? 0}
        page={search.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setSearch({ page })}
        sort={search.sort}
        onSortChange={(sort) => setSearch({ sort, page: 1 })}
        search={search.q}
        onSearchChange={onSearchChange}
        isLoading={items.isFetching}
        error={items.error}
        onRetry={() => void items.refetch()}
        emptyTitle={search.q ? `Nothing matches “${search.q}”` : `No ${MASTER_KIND_LABELS[kind].toLowerCase()} yet`}
        rowClassName={(i) => (i.active ? undefined : 'text-slate-400')}
        toolbar={
          <div className="flex items-center gap-2">
            <Checkbox
              id="include-inactive"
              checked={search.inactive}
              onChange={(e) => setSearch({ inactive: e.target.checked, page: 1 })}
            />
            <Label htmlFor="include-inactive" className="font-normal">
              Include inactive
            </Label>
          </div>
        }
      />
      {editing ? (
        <ItemDialog
          key={editing === 'new' ? 'new' : editing.id}
          kind={kind}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

const itemFormSchema = z.object({
  code: z
    .string()
    .trim()
    .min(2, 'Code needs at least 2 characters')
    .max(32, 'Code can have at most 32 characters')
    .regex(/^[A-Z0-9_]+$/, 'Use capital letters, digits and underscores'),
  name: z.string().trim().min(2, 'Name needs at least 2 characters').max(80, 'Name can have at most 80 characters'),
  days: z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) <= 365), 'Days is a whole number from 0 to 365'),
  sortOrder: z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) <= 10_000), 'Order is a whole number from 0 to 10000'),
});
type ItemForm = z.infer<typeof itemFormSchema>;
const ITEM_FIELDS = new Set(['code', 'name', 'days', 'sortOrder']);

function ItemDialog({ kind, item, onClose }: { kind: MasterKind; item: Item | null; onClose: () => void }) {
  const withDays = KINDS_WITH_DAYS.includes(kind);
  const utils = trpc.useUtils();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ItemForm>({
    resolver: zodResolver(itemFormSchema),
    defaultValues: {
      code: item?.code ?? '',
      name: item?.name ?? '',
      days: item?.days === null || item?.days === undefined ? '' : String(item.days),
      sortOrder: String(item?.sortOrder ?? 0),
    },
  });
  const { register, handleSubmit, formState, setError } = form;
  const done = (verb: string) => (row: Item) => {
    toast.success(`${row.name} ${verb}`);
    void utils.masters.invalidate();
    onClose();
  };
  const create = trpc.masters.createItem.useMutation({ onSuccess: done('created') });
  const update = trpc.masters.updateItem.useMutation({ onSuccess: done('saved') });
  const noun = MASTER_KIND_SINGULAR[kind];

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const fields = {
      code: values.code.trim(),
      name: values.name.trim(),
      days: withDays && values.days !== '' ? Number(values.days) : null,
      sortOrder: values.sortOrder === '' ? 0 : Number(values.sortOrder),
    };
    try {
      if (item) await update.mutateAsync({ ...fields, id: item.id, version: item.version });
      else await create.mutateAsync({ ...fields, kind });
    } catch (error) {
      setFormError(applyServerErrors(error, setError, (path) => ITEM_FIELDS.has(path)));
    }
  });

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        title={item ? `Edit ${noun}` : `New ${noun}`}
        description={item ? `${item.code} · version ${item.version}` : undefined}
      >
        <form onSubmit={submit} noValidate className="grid gap-4" aria-label={item ? `Edit ${noun}` : `New ${noun}`}>
          {formError ? <Alert data-testid="form-error">{formError}</Alert> : null}
          <FormField label="Code" error={formState.errors.code?.message} hint="Capital letters, digits and underscores">
            <Input {...register('code')} autoFocus={!item} />
          </FormField>
          <FormField label="Name" error={formState.errors.name?.message}>
            <Input {...register('name')} autoFocus={item !== null} />
          </FormField>
          <div className="grid grid-cols-2 gap-4">
            {withDays ? (
              <FormField label="Days" error={formState.errors.days?.message}>
                <Input {...register('days')} inputMode="numeric" />
              </FormField>
            ) : null}
            <FormField label="Display order" error={formState.errors.sortOrder?.message}>
              <Input {...register('sortOrder')} inputMode="numeric" />
            </FormField>
          </div>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={formState.isSubmitting}>
              {item ? 'Save changes' : `Create ${noun}`}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
