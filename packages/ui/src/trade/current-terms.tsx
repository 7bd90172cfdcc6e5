import type { ReactNode } from 'react';
import { Card } from '../components/card';
import { formatDateTime } from '../lib/format';
import { contractValue, formatBales, formatInr, formatPricePerCandy } from './format';

/**
 * An offer's current terms beside its history: price, quantity, value and validity of the latest
 * version. `children` adds rows (TermRow) a view needs beyond those, e.g. the back office's.
 */
export function CurrentTerms({
  version,
  price,
  quantity,
  validUntil,
  children,
}: {
  version: number;
  price: string;
  quantity: string;
  validUntil: string;
  children?: ReactNode;
}) {
  const value = contractValue(quantity, price);
  return (
    <Card className="p-5" data-testid="current-terms">
      <h2 className="mb-3 text-sm font-semibold text-slate-900">Current terms (v{version})</h2>
      <dl className="grid gap-1 text-sm">
        <TermRow label="Price" value={formatPricePerCandy(price)} testId="current-price" />
        <TermRow label="Quantity" value={formatBales(quantity)} testId="current-quantity" />
        <TermRow label="Value" value={value ? formatInr(value) : '—'} testId="current-value" />
        <TermRow label="Valid until" value={formatDateTime(validUntil)} />
        {children}
      </dl>
    </Card>
  );
}

export function TermRow({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
