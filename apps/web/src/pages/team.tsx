import {
  Badge,
  Button,
  type Column,
  ConfirmDialog,
  errorMessage,
  formatAgo,
  formatDateTime,
  type Me,
  PageHeader,
  toast,
  trpc,
} from '@kapas/ui';
import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { PrimaryUserPage } from '../components/primary-user-page';
import { EditSubUserDialog } from '../components/team/edit-sub-user-dialog';
import { InviteSubUserDialog } from '../components/team/invite-sub-user-dialog';
import type { SubUser } from '../components/team/sub-user';
import { SubUserActivityDialog } from '../components/team/sub-user-activity-dialog';
import { SubUserBranches } from '../components/team/sub-user-branches';
import { WholeListTable } from '../components/whole-list-table';
import { capabilityLabel, delegable } from '../lib/capabilities';

const STATUS_TONE = { ACTIVE: 'success', INVITED: 'warning', DISABLED: 'neutral' } as const;
const STATUS_LABEL: Record<string, string> = { ACTIVE: 'Active', INVITED: 'Invited', DISABLED: 'Deactivated' };

/** Primary users manage up to two sub-users: invite, permissions, deactivate, activity. */
export function TeamPage() {
  return (
    <PrimaryUserPage title="Team" capability="subuser:manage" refusal="Only your company's primary user can manage the team">
      {(me) => <Team me={me} />}
    </PrimaryUserPage>
  );
}

function Team({ me }: { me: Me }) {
  const utils = trpc.useUtils();
  const list = trpc.subUsers.list.useQuery();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<SubUser | null>(null);
  const [deactivating, setDeactivating] = useState<SubUser | null>(null);
  const [watching, setWatching] = useState<SubUser | null>(null);
  const setActive = trpc.subUsers.setActive.useMutation({
    onSuccess: (_, { active }) => {
      setDeactivating(null);
      toast.success(active ? 'Sub-user reactivated' : 'Sub-user deactivated and signed out');
    },
    onError: (error) => toast.error(errorMessage(error)),
    onSettled: () => void utils.subUsers.list.invalidate(),
  });
  const options = delegable(me.capabilities);

  const columns: Column<SubUser, never>[] = [
    {
      id: 'name',
      header: 'Name',
      cell: (u) => (
        <div>
          <div className="font-medium text-slate-900">{u.name}</div>
          <div className="text-xs text-slate-500">{u.email}</div>
        </div>
      ),
    },
    { id: 'mobile', header: 'Mobile', cell: (u) => <span className="text-slate-600">{u.mobile ?? '—'}</span> },
    {
      id: 'status',
      header: 'Status',
      cell: (u) => (
        <Badge tone={STATUS_TONE[u.status as keyof typeof STATUS_TONE] ?? 'neutral'} data-testid="sub-user-status">
          {STATUS_LABEL[u.status] ?? u.status}
        </Badge>
      ),
    },
    {
      id: 'capabilities',
      header: 'Permissions',
      cell: (u) => (
        <div className="flex max-w-xs flex-wrap gap-1">
          {u.capabilities.map((c) => (
            <Badge key={c} title={c}>
              {capabilityLabel(c)}
            </Badge>
          ))}
        </div>
      ),
    },
    { id: 'branches', header: 'Branches', cell: (u) => <SubUserBranches branches={u.branches} /> },
    {
      id: 'lastSignIn',
      header: 'Last sign-in',
      cell: (u) => (
        <span className="text-slate-600" title={formatDateTime(u.lastSignInAt)}>
          {u.lastSignInAt ? formatAgo(u.lastSignInAt) : 'Never'}
        </span>
      ),
    },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (u) => (
        <div className="flex justify-end gap-1.5">
          <Button variant="ghost" size="sm" onClick={() => setWatching(u)} aria-label={`Activity of ${u.name}`}>
            Activity
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setEditing(u)} aria-label={`Edit ${u.name}`}>
            Edit
          </Button>
          {u.status === 'DISABLED' ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setActive.mutate({ userId: u.id, active: true })}
              loading={setActive.isPending && setActive.variables?.userId === u.id}
              aria-label={`Reactivate ${u.name}`}
            >
              Reactivate
            </Button>
          ) : (
            <Button variant="secondary" size="sm" onClick={() => setDeactivating(u)} aria-label={`Deactivate ${u.name}`}>
              Deactivate
            </Button>
          )}
        </div>
      ),
    },
  ];

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Team"
        description="Invite up to two colleagues as sub-users and choose what each of them may do."
        actions={
          <Button onClick={() => setInviting(true)}>
            <UserPlus aria-hidden />
            Invite sub-user
          </Button>
        }
      />
      <WholeListTable
        label="Sub-users"
        columns={columns}
        query={list}
        rowKey={(u) => u.id}
        emptyTitle="No sub-users yet — invite a colleague to share the work"
      />
      <InviteSubUserDialog open={inviting} onOpenChange={setInviting} options={options} />
      {editing ? <EditSubUserDialog key={editing.id} user={editing} options={options} onClose={() => setEditing(null)} /> : null}
      {watching ? <SubUserActivityDialog user={watching} onClose={() => setWatching(null)} /> : null}
      <ConfirmDialog
        open={deactivating !== null}
        onOpenChange={(open) => !open && setDeactivating(null)}
        title={`Deactivate ${deactivating?.name ?? 'sub-user'}?`}
        description="They are signed out everywhere at once and cannot sign in until you reactivate them."
        confirmLabel="Deactivate"
        onConfirm={() => deactivating && setActive.mutate({ userId: deactivating.id, active: false })}
        pending={setActive.isPending}
      />
    </div>
  );
}
