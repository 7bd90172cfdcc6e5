import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  ErrorState,
  errorMessage,
  FieldError,
  FormField,
  firstFieldErrors,
  Input,
  LoadingState,
  PageHeader,
  Select,
  toast,
  trpc,
  useMe,
} from '@kapas/ui';
import { Link, useParams } from '@tanstack/react-router';
import { ArrowLeft, Trash2 } from 'lucide-react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { CheckboxField } from '../components/checkbox-field';
import { SessionsTable } from '../components/sessions-table';
import { formatDateTime, humanize } from '../lib/format';
import { useCan } from '../lib/permissions';
import { statusTone } from './users';

export function UserDetailPage() {
  const { id } = useParams({ from: '/app/users/$id' });
  const me = useMe();
  const user = trpc.users.get.useQuery({ id });
  const self = me.data?.userId === id;

  if (user.isPending) return <LoadingState />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  const u = user.data;

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <div>
        <Link
          to="/users"
          search={{ page: 1, q: '', kind: '', status: '' }}
          className="mb-2 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900"
        >
          <ArrowLeft className="size-4" aria-hidden /> Users
        </Link>
        <PageHeader
          title={u.name}
          description={
            <span className="flex flex-wrap items-center gap-2">
              {u.email} · {u.kind === 'BACK_OFFICE' ? 'Back office' : 'Partner'}
              <Badge tone={statusTone(u.status)}>{humanize(u.status)}</Badge>
              <span>Last sign-in: {formatDateTime(u.lastSignInAt)}</span>
            </span>
          }
          actions={self ? null : <ActiveToggle userId={u.id} name={u.name} status={u.status} />}
        />
      </div>
      {self ? <Alert tone="info">This is you. Nobody can change their own access; ask another administrator.</Alert> : null}
      <RolesEditor userId={u.id} kind={u.kind} current={u.roles} readOnly={self} />
      <Grants userId={u.id} grants={u.grants} readOnly={self} />
      <UserSessions userId={u.id} email={u.email} />
    </div>
  );
}

function ActiveToggle({ userId, name, status }: { userId: string; name: string; status: string }) {
  const utils = trpc.useUtils();
  const [confirming, setConfirming] = useState(false);
  const active = status !== 'DISABLED';
  const setActive = trpc.users.setActive.useMutation({
    onSuccess: () => {
      toast.success(active ? `${name} is deactivated and signed out` : `${name} is active again`);
      setConfirming(false);
      void utils.users.invalidate();
      void utils.sessions.invalidate();
    },
    onError: (error) => {
      toast.error(errorMessage(error));
      setConfirming(false);
    },
  });
  return (
    <>
      <Button variant={active ? 'destructive' : 'default'} onClick={() => setConfirming(true)}>
        {active ? 'Deactivate' : 'Activate'}
      </Button>
      <ConfirmDialog
        role="dialog"
        open={confirming}
        onOpenChange={setConfirming}
        title={active ? `Deactivate ${name}?` : `Activate ${name}?`}
        description={
          active ? 'They are signed out everywhere and cannot sign in until activated again.' : 'They can sign in again.'
        }
        confirmLabel={active ? 'Deactivate' : 'Activate'}
        destructive={active}
        pending={setActive.isPending}
        onConfirm={() => setActive.mutate({ userId, active: !active })}
      />
    </>
  );
}

function RolesEditor({
  userId,
  kind,
  current,
  readOnly,
}: {
  userId: string;
  kind: string;
  current: string[];
  readOnly: boolean;
}) {
  const roles = trpc.users.roles.useQuery();
  const utils = trpc.useUtils();
  const [selected, setSelected] = useState<string[]>(current);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setSelected(current), [current]);
  const save = trpc.users.setRoles.useMutation({
    onSuccess: () => {
      toast.success('Roles saved. The change applies at once.');
      setError(null);
      void utils.users.invalidate();
    },
    onError: (e) => setError(firstFieldErrors(e).roles ?? errorMessage(e)),
  });
  const scope = kind === 'BACK_OFFICE' ? 'BACK_OFFICE' : 'PARTNER';
  const options = roles.data?.filter((r) => r.scope === scope) ?? [];
  const dirty = [...selected].sort().join() !== [...current].sort().join();
  return (
    <Card className="p-6">
      <h2 className="mb-3 text-base font-semibold text-slate-900">Roles</h2>
      {roles.isPending ? (
        <LoadingState />
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ userId, roles: selected });
          }}
          className="grid gap-4"
          aria-label="Roles"
        >
          <div className="grid gap-2 sm:grid-cols-3">
            {options.map((r) => (
              <CheckboxField
                key={r.code}
                label={r.name}
                disabled={readOnly}
                checked={selected.includes(r.code)}
                onChange={(on) => setSelected((prev) => (on ? [...prev, r.code] : prev.filter((c) => c !== r.code)))}
              />
            ))}
          </div>
          <FieldError message={error ?? undefined} />
          {readOnly ? null : (
            <div>
              <Button type="submit" disabled={!dirty} loading={save.isPending}>
                Save roles
              </Button>
            </div>
          )}
        </form>
      )}
    </Card>
  );
}

type Grant = { id: string; capability: string; effect: string; expiresAt: string | null; createdAt: string };

function Grants({ userId, grants, readOnly }: { userId: string; grants: Grant[]; readOnly: boolean }) {
  const utils = trpc.useUtils();
  const roles = trpc.users.roles.useQuery();
  const capabilities = useMemo(
    () => [...new Set((roles.data ?? []).flatMap((r) => r.capabilities as string[]))].sort(),
    [roles.data],
  );
  const [capability, setCapability] = useState('');
  const [effect, setEffect] = useState<'GRANT' | 'DENY'>('GRANT');
  const [expiresAt, setExpiresAt] = useState('');
  const [errors, setErrors] = useState<{ capability?: string; expiresAt?: string; form?: string }>({});
  const add = trpc.users.addGrant.useMutation({
    onSuccess: () => {
      toast.success(effect === 'GRANT' ? 'Permission granted' : 'Permission denied');
      setCapability('');
      setExpiresAt('');
      setErrors({});
      void utils.users.get.invalidate({ id: userId });
    },
    onError: (e) => {
      const f = firstFieldErrors(e);
      const next = { ...(f.capability ? { capability: f.capability } : {}), ...(f.expiresAt ? { expiresAt: f.expiresAt } : {}) };
      setErrors(Object.keys(next).length ? next : { form: errorMessage(e) });
    },
  });
  const remove = trpc.users.removeGrant.useMutation({
    onSuccess: () => {
      toast.success('Grant removed');
      void utils.users.get.invalidate({ id: userId });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const now = Date.now();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!capability) found.capability = 'Choose a permission';
    let iso: string | null = null;
    if (expiresAt) {
      const at = new Date(expiresAt);
      if (Number.isNaN(at.getTime())) found.expiresAt = 'Enter a date and time';
      else if (at.getTime() <= Date.now()) found.expiresAt = 'Choose a time in the future';
      else iso = at.toISOString();
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    add.mutate({ userId, capability: capability as never, effect, expiresAt: iso });
  };
  return (
    <Card className="p-6">
      <h2 className="mb-1 text-base font-semibold text-slate-900">Grants and denials</h2>
      <p className="mb-4 text-sm text-slate-500">
        Per-user exceptions to the roles, optionally until a time. A denial always wins.
      </p>
      {grants.length === 0 ? (
        <p className="mb-4 text-sm text-slate-500">No grants or denials.</p>
      ) : (
        <table className="mb-4 w-full text-left text-sm" aria-label="Grants">
          <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr>
              <th className="px-3 py-2">Permission</th>
              <th className="px-3 py-2">Effect</th>
              <th className="px-3 py-2">Expires</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {grants.map((g) => {
              const expired = g.expiresAt !== null && new Date(g.expiresAt).getTime() <= now;
              return (
                <tr key={g.id} className={expired ? 'text-slate-400' : undefined}>
                  <td className="px-3 py-2 font-mono text-xs">{g.capability}</td>
                  <td className="px-3 py-2">
                    <Badge tone={g.effect === 'GRANT' ? 'success' : 'danger'}>{g.effect === 'GRANT' ? 'Grant' : 'Deny'}</Badge>
                  </td>
                  <td className="px-3 py-2">
                    {g.expiresAt ? formatDateTime(g.expiresAt) : 'Never'}
                    {expired ? ' (expired)' : ''}
                  </td>
                  <td className="px-3 py-2 text-right">
                    {readOnly ? null : (
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Remove ${g.effect === 'GRANT' ? 'grant' : 'denial'} of ${g.capability}`}
                        loading={remove.isPending && remove.variables.grantId === g.id}
                        onClick={() => remove.mutate({ grantId: g.id })}
                      >
                        <Trash2 aria-hidden /> Remove
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {readOnly ? null : (
        <form
          onSubmit={submit}
          noValidate
          className="grid items-start gap-3 sm:grid-cols-[1fr_9rem_14rem_auto]"
          aria-label="Add grant"
        >
          {errors.form ? <Alert className="sm:col-span-4">{errors.form}</Alert> : null}
          <FormField label="Permission" error={errors.capability}>
            <Select value={capability} onChange={(e) => setCapability(e.target.value)}>
              <option value="">Choose…</option>
              {capabilities.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label="Effect">
            <Select value={effect} onChange={(e) => setEffect(e.target.value as 'GRANT' | 'DENY')}>
              <option value="GRANT">Grant</option>
              <option value="DENY">Deny</option>
            </Select>
          </FormField>
          <FormField label="Expires (optional)" error={errors.expiresAt}>
            <Input type="datetime-local" value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} />
          </FormField>
          <Button type="submit" className="sm:mt-6" loading={add.isPending}>
            Add
          </Button>
        </form>
      )}
    </Card>
  );
}

function UserSessions({ userId, email }: { userId: string; email: string }) {
  const can = useCan('session:revoke');
  const list = trpc.sessions.list.useQuery({ page: 1, pageSize: 100, email }, { enabled: can, refetchInterval: 15_000 });
  if (!can) return null;
  const rows = list.data?.items.filter((s) => s.user?.id === userId);
  return (
    <section className="grid gap-2">
      <h2 className="text-base font-semibold text-slate-900">Live sessions</h2>
      <SessionsTable
        label="Sessions of this user"
        rows={rows}
        total={rows?.length ?? 0}
        page={1}
        pageSize={100}
        onPageChange={() => {}}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        showUser={false}
      />
    </section>
  );
}
