import type { RouterOutputs } from '@kapas/api';
import { contractValue, formatBales, formatDateTime, formatInr, formatPricePerCandy } from '@kapas/ui';

type OfferDetail = RouterOutputs['offers']['get'];

const ACTION_TEXT: Record<string, string> = {
  OFFER: 'Offered',
  COUNTER: 'Countered',
  ACCEPT: 'Accepted',
  REJECT: 'Rejected',
  WITHDRAW: 'Withdrew',
  EXPIRE: 'Expired',
};

/**
 * The negotiation's versions, oldest first, as staff read them: which party acted (and whether it
 * was the signed-in staff member, or another back-office user, acting for them), the terms, their
 * validity and the message.
 */
export function VersionHistory({ detail, myUserId }: { detail: OfferDetail; myUserId: string | null }) {
  const party = (side: string) =>
    side === 'BUYER' ? `Buyer ${detail.buyerName ?? ''}` : side === 'SELLER' ? `Seller ${detail.sellerName ?? ''}` : 'System';
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Negotiation history" data-testid="version-history">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">Version</th>
            <th className="px-3 py-2 font-medium">Who</th>
            <th className="px-3 py-2 text-right font-medium">Price</th>
            <th className="px-3 py-2 text-right font-medium">Quantity</th>
            <th className="px-3 py-2 font-medium">Valid until</th>
            <th className="px-3 py-2 font-medium">Message</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {detail.versions.map((v) => {
            const terms = v.action === 'OFFER' || v.action === 'COUNTER';
            const value = terms ? contractValue(v.quantity, v.price) : null;
            return (
              <tr key={v.id} data-testid={`version-${v.version}`} data-action={v.action} className="align-top">
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                  v{v.version}
                  <span className="block text-xs text-slate-500">{formatDateTime(v.createdAt)}</span>
                </td>
                <td className="px-3 py-2">
                  <span className="font-medium text-slate-900" data-testid="version-who">
                    {party(v.side)}
                  </span>
                  <span className="block text-xs text-slate-500">
                    {ACTION_TEXT[v.action] ?? v.action}
                    {myUserId !== null && v.actorUserId === myUserId
                      ? ' · by you, for them'
                      : v.actedByStaff
                        ? ' · by Kapas back office, for them'
                        : ''}
                  </span>
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" data-testid="version-price">
                  {terms ? formatPricePerCandy(v.price) : '—'}
                  {value ? <span className="block text-xs text-slate-500">{formatInr(value)}</span> : null}
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" data-testid="version-quantity">
                  {terms ? formatBales(v.quantity) : '—'}
                </td>
                <td className="px-3 py-2 text-xs whitespace-nowrap text-slate-600">
                  {terms ? formatDateTime(v.validUntil) : '—'}
                </td>
                <td className="px-3 py-2 text-slate-600 italic">{v.message ? `“${v.message}”` : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
