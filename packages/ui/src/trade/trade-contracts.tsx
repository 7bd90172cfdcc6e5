import type { RouterOutputs } from '@kapas/client';
import type { ReactNode } from 'react';
import { formatBales, formatInr, formatPricePerCandy } from './format';

type TradeContract = RouterOutputs['trades']['get']['contracts'][number];

/**
 * The contracts a trade has produced, under its terms. `contractNumber` renders the number (a link
 * where the app has a contract page); `showPrice` adds each contract's price, as the back office sees it.
 */
export function TradeContracts({
  contracts,
  contractNumber,
  showPrice = false,
}: {
  contracts: TradeContract[];
  contractNumber: (contract: TradeContract) => ReactNode;
  showPrice?: boolean;
}) {
  return (
    <div className="mt-4 border-t border-slate-200 pt-3" data-testid="trade-contracts">
      <h3 className="mb-1 text-sm font-semibold text-slate-900">Contracts</h3>
      <ul className="grid gap-1 text-sm">
        {contracts.map((c) => (
          <li key={c.id} className="flex justify-between gap-3">
            {contractNumber(c)}
            <span className="tabular-nums text-slate-600">
              {formatBales(c.quantity)}
              {showPrice ? ` at ${formatPricePerCandy(c.price)}` : ''} · {formatInr(c.value)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
