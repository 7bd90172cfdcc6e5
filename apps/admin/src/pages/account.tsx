import type { RouterOutputs } from '@kapas/api';
import {
  Badge,
  Button,
  Card,
  ChangePasswordForm,
  EmptyState,
  ErrorState,
  errorMessage,
  LoadingState,
  PageHeader,
  toast,
  trpc,
  useMe,
} from '@kapas/ui';
import { LogOut } from 'lucide-react';
import { formatDateTime, formatRelative } from '../lib/format';

type MySession = RouterOutputs['sessions']['mine'][number];

export function AccountPage() {
  const me = useMe();
  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <PageHeader title="Account" description={me.data ? `${me.data.name} · ${me.data.email}` : undefined} />
      <Card className="p-6">
        <h2 className="mb-1 text-base font-semibold text-slate-900">Change password</h2>
        <p className="mb-4 text-sm text-slate-500">Changing your password signs you out everywhere else.</p>
        <ChangePasswordForm {...(me.data ? { identity: { email: me.data.email, name: me.data.name } } : {})} />
      </Card>
      <MySessions />
    </div>
  );
}

function MySessions() {
  const utils = trpc.useUtils();
  const sessions = trpc.sessions.mine.useQuery(undefined, { refetchInterval: 30_000 });
  const end = trpc.sessions.end.useMutation({
    onSuccess: () => {
      toast.success('Session ended');
      void utils.sessions.mine.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const endOthers = trpc.sessions.endOthers.useMutation({
    onSuccess: ({ ended }) => {
      toast.success(ended === 1 ? 'Ended 1 other session' : `Ended ${ended} other sessions`);
      void utils.sessions.mine.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-6 py-4">
        <div>
          <h2 className="text-base font-semibold text-slate-900">Your sessions</h2>
          <p className="text-sm text-slate-500">Devices signed in to your account right now.</p>
        </div>
        <Button variant="secondary" onClick={() => endOthers.mutate()} loading={endOthers.isPending} disabled={others === 0}>
          <LogOut aria-hidden /> End all other sessions
        </Button>
      </div>
      {sessions.isPending ? (
        <LoadingState />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <EmptyState title="No live sessions" />
      ) : (
        <table className="w-full text-left text-sm" aria-label="Your sessions">
          <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-6 py-2.5">
                Device
              </th>
              <th scope="col" className="px-4 py-2.5">
                IP address
              </th>
              <th scope="col" className="px-4 py-2.5">
                Last active
              </th>
              <th scope="col" className="px-4 py-2.5">
                Signed in
              </th>
              <th scope="col" className="px-6 py-2.5">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sessions.data.map((s: MySession) => (
              <tr key={s.id} data-current={s.current || undefined}>
                <td className="px-6 py-2.5 font-medium text-slate-900">
                  {s.device}{' '}
                  {s.current ? (
                    <Badge tone="brand" className="ml-1">
                      This device
                    </Badge>
                  ) : null}
                </td>
                <td className="px-4 py-2.5 font-mono text-xs">{s.ip ?? '—'}</td>
                <td className="px-4 py-2.5" title={formatDateTime(s.lastActiveAt)}>
                  {formatRelative(s.lastActiveAt)}
                </td>
                <td className="px-4 py-2.5">{formatDateTime(s.createdAt)}</td>
                <td className="px-6 py-2.5 text-right">
                  {s.current ? null : (
                    <Button
                      variant="ghost"
                      size="sm"
                      loading={end.isPending && end.variables.sessionId === s.id}
                      onClick={() => end.mutate({ sessionId: s.id })}
                      aria-label={`End session on ${s.device}`}
                    >
                      End
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
