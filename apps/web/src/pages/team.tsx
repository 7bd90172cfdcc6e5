import type { RouterInputs, RouterOutputs } from '@kapas/api';
import {
  Alert,
  Badge,
  Button,
  type Column,
  DataTable,
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  EmptyState,
  ErrorState,
  errorCode,
  errorMessage,
  FormField,
  Input,
  LoadingState,
  type Me,
  PageHeader,
  toast,
  trpc,
  useMe,
} from '@kapas/ui';
import { UserPlus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { CapabilityPicker } from '../components/capability-picker';
import { ConfirmDialog } from '../components/confirm-dialog';
import { capabilityLabel, delegable } from '../lib/capabilities';
import { formErrors } from '../lib/errors';
import { formatAgo, formatDateTime } from '../lib/format';

type SubUser = RouterOutputs['subUsers']['list'][number];
type Capabilities = RouterInputs['subUsers']['invite']['capabilities'];

const STATUS_TONE = { ACTIVE: 'success', INVITED: 'warning', DISABLED: 'neutral' } as const;
const STATUS_LABEL: Record<string, string> = { ACTIVE: 'Active', INVITED: 'Invited', DISABLED: 'Deactivated' };

/** Primary users manage up to two sub-users: invite, permissions, deactivate, activity. */
export function TeamPage() {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <LoadingState />;
  if (!me.data.isPrimary || !me.data.capabilities.includes('subuser:manage')) {
    return (
      <div className="mx-auto max-w-5xl">
        <PageHeader title="Team" />
        <EmptyState title="Only your company's primary user can manage the team" />
      </div>
    );
  }
  return <Team me={me.data} />;
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
      <DataTable
        label="Sub-users"
        columns={columns}
        rows={list.data}
        rowKey={(u) => u.id}
        total={list.data?.length ?? 0}
        page={1}
        pageSize={Math.max(1, list.data?.length ?? 1)}
        onPageChange={() => {}}
        isLoading={list.isPending}
        error={list.error ?? undefined}
        onRetry={() => void list.refetch()}
        emptyTitle="No sub-users yet — invite a colleague to share the work"
      />
      <InviteDialog open={inviting} onOpenChange={setInviting} options={options} />
      {editing ? <EditDialog key={editing.id} user={editing} options={options} onClose={() => setEditing(null)} /> : null}
      {watching ? <ActivityDialog user={watching} onClose={() => setWatching(null)} /> : null}
      <ConfirmDialog
        open={deactivating !== null}
        onOpenChange={(open) => !open && setDeactivating(null)}
        title={`Deactivate ${deactivating?.name ?? 'sub-user'}?`}
        description="They are signed out everywhere at once and cannot sign in until you reactivate them."
        confirmLabel="Deactivate"
        onConfirm={() => deactivating && setActive.mutate({ userId: deactivating.id, active: false })}
        busy={setActive.isPending}
      />
    </div>
  );
}

type InviteErrors = { name?: string; email?: string; mobile?: string; capabilities?: string };

function InviteDialog({
  open,
  onOpenChange,
  options,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  options: string[];
}) {
  const utils = trpc.useUtils();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [mobile, setMobile] = useState('');
  const [capabilities, setCapabilities] = useState<string[]>(() => options.filter((c) => c.endsWith(':read')));
  const [errors, setErrors] = useState<InviteErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const reset = () => {
    setName('');
    setEmail('');
    setMobile('');
    setCapabilities(options.filter((c) => c.endsWith(':read')));
    setErrors({});
    setFormError(null);
  };
  const invite = trpc.subUsers.invite.useMutation({
    onSuccess: (created) => {
      toast.success(`Invitation sent to ${created.email}`);
      void utils.subUsers.list.invalidate();
      reset();
      onOpenChange(false);
    },
    onError: (error) => {
      const { fields, form } = formErrors(error, ['name', 'email', 'mobile', 'capabilities'] as const);
      setErrors(fields);
      setFormError(
        errorCode(error) === 'SUB_USER_LIMIT'
          ? `${errorMessage(error)} Deactivated sub-users do not count towards the limit.`
          : form,
      );
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found: InviteErrors = {};
    if (name.trim().length < 2) found.name = 'Enter the full name';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = 'Enter a valid email address';
    if (mobile.trim() && !/^(\+91)?[6-9]\d{9}$/.test(mobile.replace(/[\s-]/g, '')))
      found.mobile = 'Enter an Indian mobile number';
    if (capabilities.length === 0) found.capabilities = 'Choose at least one permission';
    setErrors(found);
    if (Object.keys(found).length) return;
    const phone = mobile.replace(/[\s-]/g, '');
    invite.mutate({
      name: name.trim(),
      email: email.trim(),
      ...(phone ? { mobile: phone } : {}),
      capabilities: capabilities as Capabilities,
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) reset();
        onOpenChange(next);
      }}
    >
      <DialogContent title="Invite a sub-user" description="They get an email with a link to set their password (valid 7 days).">
        <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Invite a sub-user">
          {formError ? <Alert data-testid="invite-error">{formError}</Alert> : null}
          <FormField label="Full name" error={errors.name}>
            <Input name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </FormField>
          <FormField label="Email" error={errors.email}>
            <Input name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
          </FormField>
          <FormField label="Mobile (optional)" error={errors.mobile} hint="Indian mobile number, e.g. 9876543210">
            <Input name="mobile" type="tel" autoComplete="off" value={mobile} onChange={(e) => setMobile(e.target.value)} />
          </FormField>
          <CapabilityPicker
            legend="Permissions"
            options={options}
            value={capabilities}
            onChange={setCapabilities}
            error={errors.capabilities}
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" type="button">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function EditDialog({ user, options, onClose }: { user: SubUser; options: string[]; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [name, setName] = useState(user.name);
  // Permissions the primary user lost since are kept visible so they can be removed.
  const all = [...new Set([...options, ...user.capabilities])];
  const [capabilities, setCapabilities] = useState<string[]>(user.capabilities);
  const [errors, setErrors] = useState<{ name?: string; capabilities?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const update = trpc.subUsers.update.useMutation({
    onSuccess: () => {
      toast.success('Permissions saved; they apply at once');
      void utils.subUsers.list.invalidate();
      onClose();
    },
    onError: (error) => {
      const { fields, form } = formErrors(error, ['name', 'capabilities'] as const);
      setErrors(fields);
      setFormError(form);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found: { name?: string; capabilities?: string } = {};
    if (name.trim().length < 2) found.name = 'Enter the full name';
    if (capabilities.length === 0) found.capabilities = 'Choose at least one permission';
    setErrors(found);
    if (Object.keys(found).length) return;
    update.mutate({ userId: user.id, name: name.trim(), capabilities: capabilities as Capabilities });
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={`Edit ${user.name}`} description={user.email}>
        <form onSubmit={submit} noValidate className="grid gap-4" aria-label={`Edit ${user.name}`}>
          {formError ? <Alert>{formError}</Alert> : null}
          <FormField label="Full name" error={errors.name}>
            <Input name="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </FormField>
          <CapabilityPicker
            legend="Permissions"
            options={all}
            value={capabilities}
            onChange={setCapabilities}
            error={errors.capabilities}
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" type="button">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function ActivityDialog({ user, onClose }: { user: SubUser; onClose: () => void }) {
  const activity = trpc.subUsers.activity.useQuery({ userId: user.id });
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={`Activity of ${user.name}`} description="The 50 most recent actions." className="max-w-2xl">
        {activity.isPending ? (
          <LoadingState />
        ) : activity.isError ? (
          <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
        ) : activity.data.length === 0 ? (
          <EmptyState title="No activity yet" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label={`Activity of ${user.name}`}>
              <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    When
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Action
                  </th>
                  <th scope="col" className="px-3 py-2">
                    On
                  </th>
                  <th scope="col" className="px-3 py-2">
                    IP
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {activity.data.map((row) => (
                  <tr key={row.id}>
                    <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatDateTime(row.at)}</td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-900">{row.action}</td>
                    <td className="px-3 py-2 text-slate-600">
                      {row.entityType}
                      {row.entityId ? <span className="font-mono text-xs text-slate-400"> {row.entityId}</span> : null}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-600">{row.ip ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
