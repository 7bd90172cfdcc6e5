import type { RouterOutputs } from '@kapas/client';
import { Monitor } from 'lucide-react';
import { Badge } from '../components/badge';
import { Button } from '../components/button';
import { formatAgo, formatDateTime } from '../lib/format';

export type MySession = RouterOutputs['sessions']['mine'][number];

/** One of the signed-in user's sessions; every one but the current can be ended. */
export function MySessionRow({ session, ending, onEnd }: { session: MySession; ending: boolean; onEnd: () => void }) {
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
