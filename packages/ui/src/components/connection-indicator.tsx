import { cn } from '../lib/cn';
import type { ConnectionState } from '../trpc/connection';
import { useConnectionState } from '../trpc/provider';

const LABELS: Record<ConnectionState, string> = {
  idle: 'Offline',
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
};

const DOTS: Record<ConnectionState, string> = {
  idle: 'bg-slate-400',
  connecting: 'bg-amber-400 animate-pulse',
  live: 'bg-emerald-500',
  reconnecting: 'bg-amber-500 animate-pulse',
};

/** Shows whether live updates are flowing; it follows the WebSocket through drops and reconnects. */
export function ConnectionIndicator({ className }: { className?: string }) {
  const state = useConnectionState();
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700',
        className,
      )}
      role="status"
      aria-live="polite"
      aria-label={`Live updates: ${LABELS[state]}`}
      data-testid="connection-indicator"
      data-state={state}
    >
      <span className={cn('size-2 rounded-full', DOTS[state])} aria-hidden />
      {LABELS[state]}
    </span>
  );
}
