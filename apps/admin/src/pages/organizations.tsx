import type { RouterOutputs } from '@kapas/api';
import { Badge, Button, type Column, DataTable, errorMessage, PageHeader, toast, trpc } from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import { useCanWriteMasters } from '../lib/permissions';
import { FieldsDialog, orNull } from './org-masters/fields-dialog';

type Organization = RouterOutputs['orgMasters']['organizations']['items'][number];

const PAGE_SIZE = 20;

export function OrganizationsPage() {
  const canWrite = useCanWriteMasters();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  const orgs = trpc.orgMasters.organizations.useQuery(
    { page, pageSize: PAGE_SIZE, ...(search ? { search } : {}) },
    { placeholderData: keepPreviousData },
  );
  const utils = trpc.useUtils();
  const refresh = () => {
    void utils.orgMasters.organizations.invalidate();
    void utils.masters.organizations.invalidate();
  };
  const setActive = trpc.orgMasters.setOrganizationActive.useMutation({
    onSuccess: (row) => {
      toast.success(`${row.name} is now ${row.active ? 'active' : 'inactive'}`);
      refresh();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const columns: Column<Organization, never>[] = [
    { id: 'name', header: 'Name', cell: (o) => <span className="font-medium text-slate-900">{o.name}</span> },
    { id: 'gstin', header: 'GSTIN', cell: (o) => <span className="font-mono text-xs">{o.gstin ?? '—'}</span> },
    { id: 'pan', header: 'PAN', cell: (o) => <span className="font-mono text-xs">{o.pan ?? '—'}</span> },
    { id: 'address', header: 'Address', cell: (o) => <span className="text-slate-600">{o.address ?? '—'}</span> },
    {
      id: 'status',
      header: 'Status',
      cell: (o) => <Badge tone={o.active ? 'success' : 'neutral'}>{o.active ? 'Active' : 'Inactive'}</Badge>,
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: <span className="sr-only">Actions</span>,
            className: 'text-right',
            cell: (o: Organization) => (
              <div className="flex justify-end gap-2">
                <Button variant="ghost" size="sm" onClick={() => setEditing(o)} aria-label={`Edit ${o.name}`}>
                  <Pencil aria-hidden /> Edit
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  loading={setActive.isPending && setActive.variables.id === o.id}
                  onClick={() => setActive.mutate({ id: o.id, active: !o.active })}
                  aria-label={`${o.active ? 'Deactivate' : 'Activate'} ${o.name}`}
                >
                  {o.active ? 'Deactivate' : 'Activate'}
                </Button>
              </div>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Organizations"
        description="The operator's own companies, with the PAN and GSTIN they invoice under."
        actions={
          canWrite ? (
            <Button onClick={() => setEditing('new')}>
              <Plus aria-hidden /> New organization
            </Button>
          ) : (
            <Badge>Read only</Badge>
          )
        }
      />
      <DataTable
        label="Organizations"
        columns={columns}
        rows={orgs.data?.items}
        rowKey={(o) => o.id}
        total={orgs.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        search={search}
        onSearchChange={(q) => {
          setSearch(q);
          setPage(1);
        }}
        isLoading={orgs.isFetching}
        error={orgs.error}
        onRetry={() => void orgs.refetch()}
        emptyTitle={search ? `Nothing matches “${search}”` : 'No organizations yet'}
        rowClassName={(o) => (o.active ? undefined : 'text-slate-400')}
      />
      {editing ? (
        <OrganizationDialog
          organization={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      ) : null}
    </div>
  );
}

function OrganizationDialog({
  organization,
  onClose,
  onSaved,
}: {
  organization: Organization | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const create = trpc.orgMasters.createOrganization.useMutation({ onSuccess: onSaved });
  const update = trpc.orgMasters.updateOrganization.useMutation({ onSuccess: onSaved });
  return (
    <FieldsDialog
      title={organization ? `Edit ${organization.name}` : 'New organization'}
      fields={[
        { name: 'name', label: 'Legal name', maxLength: 120 },
        { name: 'pan', label: 'PAN', hint: '5 letters, 4 digits and a letter', maxLength: 10 },
        { name: 'gstin', label: 'GSTIN', hint: 'Must contain the PAN', maxLength: 15 },
        { name: 'address', label: 'Address', maxLength: 300 },
      ]}
      initial={{
        name: organization?.name ?? '',
        pan: organization?.pan ?? '',
        gstin: organization?.gstin ?? '',
        address: organization?.address ?? '',
      }}
      submitLabel={organization ? 'Save changes' : 'Create organization'}
      success={organization ? 'Organization saved' : 'Organization created'}
      onSubmit={(v) => {
        const fields = { name: v.name ?? '', pan: orNull(v.pan), gstin: orNull(v.gstin), address: orNull(v.address) };
        return organization ? update.mutateAsync({ id: organization.id, ...fields }) : create.mutateAsync(fields);
      }}
      onClose={onClose}
    />
  );
}
