import type { RouterOutputs } from '@kapas/api';
import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  errorMessage,
  LoadingState,
  type Me,
  PageHeader,
  toast,
  trpc,
  useMe,
} from '@kapas/ui';
import { Monitor } from 'lucide-react';
import { useState } from 'react';
import { ChangePasswordForm } from '../components/change-password-form';
import { ConfirmDialog } from '../components/confirm-dialog';
import { capabilityLabel } from '../lib/capabilities';
import { formatAgo, formatDateTime } from '../lib/format';

type Session = RouterOutputs['sessions']['mine'][number];

export function AccountPage() {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <LoadingState />;
  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <PageHeader title="Account" description="Your profile, password and the devices you are signed in on." />
      <Profile me={me.data} />
      <Card aria-labelledby="change-password-heading" className="p-5">
        <h2 id="change-password-heading" className="text-base font-semibold text-slate-900">
          Change password
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-500">Changing your password signs you out on every other device.</p>
        <div className="max-w-sm">
          <ChangePasswordForm me={me.data} onChanged={() => toast.success('Password changed. Other sessions were signed out.')} />
        </div>
      </Card>
      <Sessions />
    </div>
  );
}

function Profile({ me }: { me: Me }) {
  return (
    <Card aria-labelledby="profile-heading" className="p-5" data-testid="profile">
      <h2 id="profile-heading" className="mb-3 text-base font-semibold text-slate-900">
        Profile
      </h2>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Name</dt>
          <dd className="font-medium text-slate-900">{me.name}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Email</dt>
          <dd className="font-medium text-slate-900">{me.email}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Company</dt>
          <dd className="font-medium text-slate-900">{me.partner ? `${me.partner.name} (${me.partner.number})` : '—'}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Account type</dt>
          <dd>
            <Badge tone={me.isPrimary ? 'brand' : 'neutral'}>{me.isPrimary ? 'Primary user' : 'Sub-user'}</Badge>
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-500">Permissions</dt>
          <dd className="mt-1 flex flex-wrap gap-1.5">
            {me.capabilities.length ? (
              me.capabilities.map((c) => (
                <Badge key={c} title={c}>
                  {capabilityLabel(c)}
                </Badge>
              ))
            ) : (
              <span className="text-slate-500">None</span>
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

function Sessions() {
  const utils = trpc.useUtils();
  const sessions = trpc.sessions.mine.useQuery(undefined, { refetchInterval: 60_000 });
  const [confirmOthers, setConfirmOthers] = useState(false);
  const endOne = trpc.sessions.end.useMutation({
    onSuccess: () => toast.success('Session ended'),
    onError: (error) => toast.error(errorMessage(error)),
    onSettled: () => void utils.sessions.mine.invalidate(),
  });
  const endOthers = trpc.sessions.endOthers.useMutation({
    onSuccess: ({ ended }) => {
      setConfirmOthers(false);
      toast.success(ended === 1 ? '1 other session ended' : `${ended} other sessions ended`);
    },
    onError: (error) => toast.error(errorMessage(error)),
    onSettled: () => void utils.sessions.mine.invalidate(),
  });
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <Card aria-labelledby="sessions-heading">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-5 py-4">
        <div>
          <h2 id="sessions-heading" className="text-base font-semibold text-slate-900">
            Where you are signed in
          </h2>
          <p className="mt-1 text-sm text-slate-500">End any session you do not recognise.</p>
        </div>
        <Button variant="secondary" onClick={() => setConfirmOthers(true)} disabled={others === 0}>
          End all other sessions
        </Button>
      </div>
      {sessions.isPending ? (
        <LoadingState />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <EmptyState title="No active sessions" />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="My sessions">
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-5 py-2.5">
                  Device
                </th>
                <th scope="col" className="px-5 py-2.5">
                  IP address
                </th>
                <th scope="col" className="px-5 py-2.5">
                  Signed in
                </th>
                <th scope="col" className="px-5 py-2.5">
                  Last active
                </th>
                <th scope="col" className="px-5 py-2.5 text-right">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sessions.data.map((session) => (
                <SessionRow
                  key={session.id}
                  session={session}
                  ending={endOne.isPending && endOne.variables?.sessionId === session.id}
                  onEnd={() => endOne.mutate({ sessionId: session.id })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {endOthers.isError ? <Alert className="m-5">{errorMessage(endOthers.error)}</Alert> : null}
      <ConfirmDialog
        open={confirmOthers}
        onOpenChange={setConfirmOthers}
        title="End all other sessions?"
        description={`You will be signed out on ${others === 1 ? '1 other device' : `${others} other devices`}. This device stays signed in.`}
        confirmLabel="End other sessions"
        onConfirm={() => endOthers.mutate()}
        busy={endOthers.isPending}
      />
    </Card>
  );
}

function SessionRow({ session, ending, onEnd }: { session: Session; ending: boolean; onEnd: () => void }) {
  return (
    <tr data-testid="session-row" data-current={session.current || undefined}>
      <td className="px-5 py-2.5">
        <div className="flex items-center gap-2 font-medium text-slate-900">
          <Monitor className="size-4 text-slate-400" aria-hidden />
          {session.device}
          {session.current ? <Badge tone="success">This device</Badge> : null}
        </div>
      </td>
      <td className="px-5 py-2.5 font-mono text-xs text-slate-600">{session.ip ?? '—'}</td>
      <td className="px-5 py-2.5 text-slate-600">{formatDateTime(session.createdAt)}</td>
      <td className="px-5 py-2.5 text-slate-600" title={formatDateTime(session.lastActiveAt)}>
        {formatAgo(session.lastActiveAt)}
      </td>
      <td className="px-5 py-2.5 text-right">
        {session.current ? null : (
          <Button
            variant="secondary"
            size="sm"
            onClick={onEnd}
            loading={ending}
            aria-label={`End session on ${session.device} from ${session.ip ?? 'unknown IP'}, signed in ${formatDateTime(session.createdAt)}`}
          >
            End session
          </Button>
        )}
      </td>
    </tr>
  );
}
