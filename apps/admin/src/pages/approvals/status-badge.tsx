import { Badge } from '@kapas/ui';
import { humanize } from '../../lib/format';

const TONES: Record<string, 'warning' | 'success' | 'danger' | 'neutral'> = {
  PENDING: 'warning',
  APPROVED: 'success',
  REJECTED: 'danger',
  CANCELLED: 'neutral',
  EXPIRED: 'neutral',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONES[status] ?? 'neutral'} data-testid="approval-status">
      {humanize(status)}
    </Badge>
  );
}
