import { skipToken, useQueryClient } from '@tanstack/react-query';
import { Clock } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../components/button';
import { Dialog, DialogContent, DialogFooter } from '../components/dialog';
import { toast } from '../components/toaster';
import { errorCode, errorMessage } from '../lib/errors';
import { useConnectionStore } from '../trpc/provider';
import { trpc } from '../trpc/trpc';

export type SessionExpiring = { idleAt: string };

/**
 * Follows the signed-in user's session feed (`sessions.onEvent`):
 *  - `session.expiring` → returns `{ idleAt }` so the shell can show a "Stay signed in" prompt;
 *  - `session.ended` / `access.changed` → re-reads `auth.me` (null sends the app to sign-in) and refreshes data;
 *  - any UNAUTHORIZED answer, a failed subscription, or a reconnect → re-reads `auth.me` too.
 */
export function useSessionEvents(enabled = true) {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const connection = useConnectionStore();
  const seenReconnects = useRef(connection.reconnects());
  const [expiring, setExpiring] = useState<SessionExpiring | null>(null);

  trpc.sessions.onEvent.useSubscription(enabled ? {} : skipToken, {
    onData: (event) => {
      const data = event.data;
      if (data.type === 'session.expiring') {
        const payload = data.payload as { idleAt?: unknown };
        const idleAt = typeof payload.idleAt === 'string' ? payload.idleAt : new Date(Date.now() + 5 * 60_000).toISOString();
        setExpiring({ idleAt });
      } else if (data.type === 'session.ended') {
        void utils.auth.me.invalidate();
        void utils.sessions.invalidate();
      } else if (data.type === 'access.changed') {
        void utils.invalidate();
      }
    },
    onError: () => {
      void utils.auth.me.invalidate();
    },
  });

  // Any query or mutation answering UNAUTHORIZED means the session is gone.
  useEffect(() => {
    if (!enabled) return;
    const check = (error: unknown) => {
      if (errorCode(error) === 'UNAUTHORIZED') void utils.auth.me.invalidate();
    };
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') check(event.action.error);
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') check(event.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [enabled, queryClient, utils]);

  // After a reconnect (e.g. the server closed the socket of an ended session) check the session again.
  useEffect(
    () =>
      connection.subscribe(() => {
        const state = connection.get();
        if (state === 'reconnecting' || (state === 'live' && connection.reconnects() !== seenReconnects.current)) {
          seenReconnects.current = connection.reconnects();
          void utils.auth.me.invalidate();
        }
      }),
    [connection, utils],
  );

  return { expiring, dismiss: () => setExpiring(null) };
}

function remaining(idleAt: string, now: number): string {
  const ms = Math.max(0, new Date(idleAt).getTime() - now);
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** "Your session will end in 5 minutes — Stay signed in", driven by `useSessionEvents`. */
export function SessionExpiryPrompt({
  expiring,
  onDismiss,
  onSignOut,
}: {
  expiring: SessionExpiring | null;
  onDismiss: () => void;
  onSignOut: () => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiring) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expiring]);
  const keepAlive = trpc.auth.keepAlive.useMutation({
    onSuccess: () => {
      toast.success('You are still signed in.');
      onDismiss();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <Dialog open={expiring !== null} onOpenChange={(open) => (open ? undefined : onDismiss())}>
      {expiring ? (
        <DialogContent
          title="Your session will end in 5 minutes"
          description="You have been inactive for a while. For your security we will sign you out unless you stay."
          data-testid="session-expiry-prompt"
        >
          <p className="flex items-center gap-2 text-sm text-slate-700">
            <Clock className="size-4 text-amber-500" aria-hidden />
            Time left: <span className="font-mono tabular-nums">{remaining(expiring.idleAt, now)}</span>
          </p>
          <DialogFooter>
            <Button variant="secondary" onClick={onSignOut}>
              Sign out
            </Button>
            <Button autoFocus loading={keepAlive.isPending} onClick={() => keepAlive.mutate()}>
              Stay signed in
            </Button>
          </DialogFooter>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
