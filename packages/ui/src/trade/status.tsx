import { Badge } from '../components/badge';
import { formatBales, formatDecimal } from './format';

type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'brand';

const TONES: Record<string, Tone> = {
  DRAFT: 'neutral',
  POSTED: 'brand',
  OFFERS_RECEIVED: 'brand',
  NEGOTIATION: 'warning',
  AGREED: 'success',
  COMPLETED: 'success',
  EXPIRED: 'neutral',
  CANCELLED: 'neutral',
  PENDING: 'brand',
  COUNTERED: 'warning',
  ACCEPTED: 'success',
  REJECTED: 'danger',
  WITHDRAWN: 'neutral',
  ACTIVE: 'success',
  DEPLETED: 'neutral',
  DISPUTED: 'danger',
  URGENT: 'danger',
};

export function humanizeState(state: string): string {
  const text = state.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Any trade-desk state (trade, offer, lot, contract) as a coloured badge. */
export function StateBadge({ state }: { state: string }) {
  return (
    <Badge tone={TONES[state] ?? 'neutral'} data-testid="state-badge" data-state={state}>
      {humanizeState(state)}
    </Badge>
  );
}

/** Allocated vs total bales of a trade (split acceptance), as a bar with numbers. */
export function AllocationBar({ allocated, quantity }: { allocated: string; quantity: string }) {
  const total = Number(quantity);
  const done = Number(allocated);
  const pct = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  return (
    <div className="grid gap-1" data-testid="allocation">
      <div
        className="h-2 w-full rounded-full bg-slate-100"
        role="progressbar"
        aria-label="Allocated quantity"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
      >
        <div className="h-2 rounded-full bg-emerald-500" style={{ width: `${pct}%` }} />
      </div>
      <p className="text-xs text-slate-500 tabular-nums">
        {formatDecimal(allocated, { min: 0, max: 3 })} of {formatBales(quantity)} allocated ({Math.round(pct)}%)
      </p>
    </div>
  );
}

/** Available / reserved / sold bales of a tested lot as a stacked bar. */
export function LotQuantityBar({ available, reserved, sold }: { available: string; reserved: string; sold: string }) {
  const a = Number(available);
  const r = Number(reserved);
  const s = Number(sold);
  const total = a + r + s || 1;
  return (
    <div className="grid gap-1" data-testid="lot-quantities">
      <div className="flex h-2 w-full overflow-hidden rounded-full bg-slate-100" aria-hidden>
        <div className="bg-emerald-500" style={{ width: `${(a / total) * 100}%` }} />
        <div className="bg-amber-400" style={{ width: `${(r / total) * 100}%` }} />
        <div className="bg-slate-400" style={{ width: `${(s / total) * 100}%` }} />
      </div>
      <p className="text-xs text-slate-600 tabular-nums">
        <span data-testid="lot-available">{formatDecimal(available, { min: 0, max: 3 })} available</span> ·{' '}
        <span data-testid="lot-reserved">{formatDecimal(reserved, { min: 0, max: 3 })} reserved</span> ·{' '}
        <span data-testid="lot-sold">{formatDecimal(sold, { min: 0, max: 3 })} sold</span>
      </p>
    </div>
  );
}
