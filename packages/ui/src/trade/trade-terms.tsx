import type { RouterOutputs } from '@kapas/client';
import { Badge } from '../components/badge';
import { formatDateTime } from '../lib/format';
import { formatBales, formatPricePerCandy } from './format';
import { AllocationBar, StateBadge } from './status';

type Trade = RouterOutputs['trades']['get']['trade'];

/**
 * A trade's terms as a definition list, with master ids named by the app's `nameOf`. `staffView`
 * adds what only the back office is shown: the buyer and when the trade was posted.
 */
export function TradeTerms({
  trade,
  nameOf,
  staffView = false,
}: {
  trade: Trade;
  nameOf: (id: string | null | undefined) => string;
  staffView?: boolean;
}) {
  const days = (n: number | null) => (n === null ? '' : ` · ${n} days`);
  const rows: [string, string][] = [
    ...(staffView ? [['Buyer', trade.buyerName ?? '—'] as [string, string]] : []),
    ['Commodity', trade.commodityName ?? nameOf(trade.commodityId)],
    ['Variety', nameOf(trade.varietyId)],
    ['Quantity', formatBales(trade.quantity)],
    ['Still open', formatBales(trade.remaining)],
    ['Target price', formatPricePerCandy(trade.targetPrice)],
    ['Delivery', `${nameOf(trade.deliveryStationId)}${trade.stationOnly ? ' (station only)' : ''}`],
    ['Delivery term', `${nameOf(trade.deliveryTermId)}${days(trade.deliveryDays)}`],
    ['Payment term', `${nameOf(trade.paymentTermId)}${days(trade.paymentDays)}`],
    ['Trade type', nameOf(trade.tradeTypeId)],
    ['Bargain type', nameOf(trade.bargainTypeId)],
    ['Passing', nameOf(trade.passingTermId)],
    ['Weightment', nameOf(trade.weightmentTermId)],
    ...(staffView ? [['Posted', formatDateTime(trade.postedAt)] as [string, string]] : []),
    ['Valid until', formatDateTime(trade.validUntil)],
  ];
  return (
    <div className="grid gap-4" data-testid="trade-summary">
      <div className="flex flex-wrap items-center gap-2">
        <StateBadge state={trade.status} />
        {trade.urgency === 'URGENT' ? <Badge tone="danger">Urgent</Badge> : null}
        {trade.requiredCertificates.map((c) => (
          <Badge key={c} tone="brand">
            {c}
          </Badge>
        ))}
      </div>
      <AllocationBar allocated={trade.allocated} quantity={trade.quantity} />
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-3 border-b border-slate-100 py-1">
            <dt className="text-slate-500">{label}</dt>
            <dd className="text-right text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {trade.qualityRanges.length ? (
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-900">Quality wanted</h3>
          <ul className="flex flex-wrap gap-2 text-sm">
            {trade.qualityRanges.map((r) => (
              <li key={r.name} className="rounded-md bg-slate-50 px-2 py-1 ring-1 ring-slate-200">
                {r.name.replace(/_/g, ' ')} {r.min}–{r.max}
                {r.preferred != null ? ` (pref. ${r.preferred})` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {trade.notes ? <p className="text-sm text-slate-600">{trade.notes}</p> : null}
    </div>
  );
}
