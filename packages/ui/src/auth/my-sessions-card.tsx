import { useState } from 'react';
import { Button } from '../components/button';
import { Card } from '../components/card';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, EmptyState, ErrorState, LoadingState } from '../components/states';
import { toast } from '../components/toaster';
import { errorMessage } from '../lib/errors';
import { trpc } from '../trpc/trpc';
import { MySessionRow } from './my-session-row';

/** The signed-in user's sessions: end one, or (after a confirmation) every other one. */
export function MySessionsCard({
  title,
  description,
  tableLabel,
}: {
  title: string;
  description: string;
  /** The table's accessible name. */
  tableLabel: string;
}) {
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
            {title}
          </h2>
          <p className="mt-1 text-sm text-slate-500">{description}</p>
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
          <table className="w-full text-left text-sm" aria-label={tableLabel}>
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
                <MySessionRow
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
        pending={endOthers.isPending}
      />
    </Card>
  );
}
