import { Card } from '../components/card';
import { Select } from '../components/input';
import { ErrorState, LoadingState } from '../components/states';
import { toast } from '../components/toaster';
import { errorMessage } from '../lib/errors';
import { trpc } from '../trpc/trpc';

const MODES = [
  { value: 'INSTANT', label: 'Email at once' },
  { value: 'DIGEST', label: 'Daily digest' },
  { value: 'OFF', label: 'In the app only' },
] as const;

type Mode = (typeof MODES)[number]['value'];

/** Per kind of notification: email at once, in a daily digest, or only in the app. */
export function NotificationPreferencesCard() {
  const utils = trpc.useUtils();
  const prefs = trpc.notifications.preferences.useQuery();
  const set = trpc.notifications.setPreference.useMutation({
    onSuccess: () => {
      toast.success('Preference saved');
      void utils.notifications.preferences.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <Card aria-labelledby="notification-prefs-heading" className="p-5" data-testid="notification-preferences">
      <h2 id="notification-prefs-heading" className="text-base font-semibold text-slate-900">
        Notifications
      </h2>
      <p className="mb-3 text-sm text-slate-500">Everything appears under the bell; choose how you also get it by email.</p>
      {prefs.isError ? (
        <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : prefs.isPending ? (
        <LoadingState />
      ) : (
        <div className="grid gap-2">
          {prefs.data.map((p) => (
            <div key={p.kind} className="flex items-center justify-between gap-4 text-sm text-slate-700">
              <span>{p.label}</span>
              <Select
                className="w-44"
                aria-label={`Email for ${p.label}`}
                value={p.mode}
                disabled={set.isPending && set.variables.kind === p.kind}
                onChange={(e) => set.mutate({ kind: p.kind, mode: e.target.value as Mode })}
              >
                {MODES.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </Select>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
