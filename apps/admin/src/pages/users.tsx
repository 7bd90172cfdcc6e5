import type { RouterOutputs } from '@kapas/api';
import {
  Alert,
  Badge,
  Button,
  type Column,
  DataTable,
  Dialog,
  DialogContent,
  DialogFooter,
  errorMessage,
  FieldError,
  FormField,
  firstFieldErrors,
  Input,
  PageHeader,
  Select,
  toast,
  trpc,
} from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { UserPlus } from 'lucide-react';
import { type FormEvent, useCallback, useState } from 'react';
import { CheckboxField } from '../components/checkbox-field';
import { formatDateTime, humanize } from '../lib/format';
import { USER_KINDS, USER_STATUSES, type UsersSearch } from '../lib/search';

type User = RouterOutputs['users']['list']['items'][number];

const PAGE_SIZE = 20;

export function statusTone(status: string): 'success' | 'warning' | 'neutral' {
  return status === 'ACTIVE' ? 'success' : status === 'INVITED' ? 'warning' : 'neutral';
}

export function UsersPage() {
  const search = useSearch({ from: '/app/users' });
  const navigate = useNavigate({ from: '/users' });
  const [creating, setCreating] = useState(false);
  const setSearch = useCallback(
    (patch: Partial<UsersSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const onSearchChange = useCallback((q: string) => setSearch({ q, page: 1 }), [setSearch]);
  const list = trpc.users.list.useQuery(
    {
      page: search.page,
      pageSize: PAGE_SIZE,
      ...(search.q ? { search: search.q } : {}),
      ...(search.kind ? { kind: search.kind } : {}),
      ...(search.status ? { status: search.status } : {}),
    },
    { placeholderData: keepPreviousData },
  );

  const columns: Column<User, never>[] = [
    {
      id: 'name',
      header: 'User',
      cell: (u) => (
        <Link to="/users/$id" params={{ id: u.id }} className="group block leading-tight">
          <span className="font-medium text-slate-900 group-hover:underline">{u.name}</span>
          <span className="block text-xs text-slate-500">{u.email}</span>
        </Link>
      ),
    },
    {
      id: 'kind',
      header: 'Kind',
      cell: (u) => (u.kind === 'BACK_OFFICE' ? 'Back office' : u.isPrimary ? 'Partner (primary)' : 'Partner'),
    },
    {
      id: 'roles',
      header: 'Roles',
      cell: (u) => (
        <div className="flex flex-wrap gap-1">
          {u.roles.length ? u.roles.map((r) => <Badge key={r}>{humanize(r)}</Badge>) : <span className="text-slate-400">—</span>}
        </div>
      ),
    },
    { id: 'status', header: 'Status', cell: (u) => <Badge tone={statusTone(u.status)}>{humanize(u.status)}</Badge> },
    { id: 'last', header: 'Last sign-in', cell: (u) => formatDateTime(u.lastSignInAt) },
  ];

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Users"
        description="Back-office staff and partner users. Open a user to change roles, grants and sessions."
        actions={
          <Button onClick={() => setCreating(true)}>
            <UserPlus aria-hidden /> Invite staff user
          </Button>
        }
      />
      <DataTable<User, never>
        label="Users"
        columns={columns}
        rows={list.data?.items}
        rowKey={(u) => u.id}
        total={list.data?.total ?? 0}
        page={search.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setSearch({ page })}
        search={search.q}
        onSearchChange={onSearchChange}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyTitle="No users match"
        toolbar={
          <>
            <Select
              aria-label="Kind"
              value={search.kind}
              onChange={(e) => setSearch({ kind: e.target.value as UsersSearch['kind'], page: 1 })}
              className="w-40"
            >
              <option value="">All kinds</option>
              {USER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k === 'BACK_OFFICE' ? 'Back office' : 'Partner'}
                </option>
              ))}
            </Select>
            <Select
              aria-label="Status"
              value={search.status}
              onChange={(e) => setSearch({ status: e.target.value as UsersSearch['status'], page: 1 })}
              className="w-36"
            >
              <option value="">All statuses</option>
              {USER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </Select>
          </>
        }
      />
      <CreateStaffDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}

type CreateErrors = { email?: string; name?: string; roles?: string; form?: string };

function CreateStaffDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [errors, setErrors] = useState<CreateErrors>({});
  const utils = trpc.useUtils();
  const roleList = trpc.users.roles.useQuery(undefined, { enabled: open });
  const navigate = useNavigate();
  const create = trpc.users.createStaff.useMutation({
    onSuccess: (user) => {
      toast.success(`Invitation sent to ${user.email}`);
      void utils.users.list.invalidate();
      onOpenChange(false);
      setEmail('');
      setName('');
      setRoles([]);
      setErrors({});
      void navigate({ to: '/users/$id', params: { id: user.id } });
    },
    onError: (error) => {
      const fields = firstFieldErrors(error);
      const next: CreateErrors = {};
      if (fields.email) next.email = fields.email;
      if (fields.name) next.name = fields.name;
      const roleError = Object.entries(fields).find(([k]) => k.startsWith('roles'))?.[1];
      if (roleError) next.roles = roleError;
      if (!Object.keys(next).length) next.form = errorMessage(error);
      setErrors(next);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: CreateErrors = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = 'Enter a valid email address';
    if (name.trim().length < 2) found.name = 'Enter the full name';
    if (!roles.length) found.roles = 'Choose at least one role';
    setErrors(found);
    if (Object.keys(found).length) return;
    create.mutate({ email: email.trim(), name: name.trim(), roles });
  };
  const staffRoles = roleList.data?.filter((r) => r.scope === 'BACK_OFFICE') ?? [];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Invite a staff user"
        description="They get an email with a link to choose their password (valid 7 days)."
      >
        <form onSubmit={submit} noValidate className="grid gap-4">
          {errors.form ? <Alert>{errors.form}</Alert> : null}
          <FormField label="Email" error={errors.email}>
            <Input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
          </FormField>
          <FormField label="Full name" error={errors.name}>
            <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </FormField>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-900">Roles</legend>
            {roleList.isPending ? <p className="text-sm text-slate-500">Loading roles…</p> : null}
            {roleList.isError ? <Alert>{errorMessage(roleList.error)}</Alert> : null}
            <div className="grid grid-cols-2 gap-2">
              {staffRoles.map((r) => (
                <CheckboxField
                  key={r.code}
                  label={r.name}
                  checked={roles.includes(r.code)}
                  onChange={(on) => setRoles((prev) => (on ? [...prev, r.code] : prev.filter((c) => c !== r.code)))}
                />
              ))}
            </div>
            <FieldError message={errors.roles} />
          </fieldset>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Send invitation
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
