import {
  Button,
  Card,
  ErrorState,
  formatBales,
  formatDateTime,
  formatInr,
  formatPricePerCandy,
  LoadingState,
  StateBadge,
  trpc,
} from '@kapas/ui';
import { Link, useParams } from '@tanstack/react-router';
import { Printer } from 'lucide-react';
import { humanKey, snapshotName, snapshotRows } from './contract-view';
import { useTradeMasters } from './masters';

/** Hides the app's header and navigation when printing, so the page prints as the contract alone. */
const PRINT_CSS = `
@media print {
  header, nav[aria-label="Main"], [data-print="hide"], [data-sonner-toaster] { display: none !important; }
  main { padding: 0 !important; }
  body { background: white !important; }
  [data-print="sheet"] { box-shadow: none !important; border: none !important; }
}
@page { size: A4; margin: 16mm; }
`;

const STATION_KEYS: Record<string, string> = { deliveryStationId: 'Delivery station', sellerStationId: 'Seller station' };

export function ContractDetailPage() {
  const { id } = useParams({ from: '/app/trade-desk/contracts/$id' });
  const contract = trpc.contracts.get.useQuery({ id });
  const masters = useTradeMasters();
  const document = trpc.contracts.document.useQuery({ id });
  if (contract.isPending) return <LoadingState />;
  if (contract.isError) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />;
  const c = contract.data;
  // Ids are shown through their names; the two stations have no name field of their own.
  const terms = Object.entries(c.terms)
    .filter(([k, v]) => v !== null && v !== undefined && typeof v !== 'object' && (!/Id$/.test(k) || STATION_KEYS[k]))
    .map(([k, v]): [string, string] => [STATION_KEYS[k] ?? humanKey(k), STATION_KEYS[k] ? masters.nameOf(String(v)) : String(v)]);
  return (
    <div className="mx-auto max-w-4xl">
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3" data-print="hide">
        <Link to="/trade-desk/contracts" className="text-sm text-brand-700 hover:underline">
          ← All contracts
        </Link>
        <Button variant="secondary" onClick={() => window.print()} title="Opens the print dialog; choose “Save as PDF”">
          <Printer aria-hidden />
          Print / Download PDF (via print dialog)
        </Button>
      </div>
      <Card className="p-8" data-print="sheet">
        <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 pb-4">
          <div>
            <p className="text-xs tracking-wide text-slate-500 uppercase">Kapas trade-desk contract</p>
            <h1 className="text-2xl font-semibold text-slate-900" data-testid="contract-number">
              {c.number}
            </h1>
            <p className="text-sm text-slate-500">
              Concluded {formatDateTime(c.createdAt)} · accepted version {c.acceptedVersion}
            </p>
          </div>
          <StateBadge state={c.status} />
        </div>
        <div className="grid gap-6 py-6 sm:grid-cols-2">
          <Party title="Buyer" snapshot={c.buyerSnapshot} />
          <Party title="Seller" snapshot={c.sellerSnapshot} />
        </div>
        <table className="w-full text-sm" aria-label="Goods">
          <thead className="border-y border-slate-200 text-left text-xs text-slate-500 uppercase">
            <tr>
              <th className="py-2">Goods</th>
              <th className="py-2 text-right">Quantity</th>
              <th className="py-2 text-right">Price</th>
              <th className="py-2 text-right">Value</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="py-2">
                {masters.nameOf(c.commodityId)}
                {c.varietyId ? ` · ${masters.nameOf(c.varietyId)}` : ''}
              </td>
              <td className="py-2 text-right tabular-nums">{formatBales(c.quantity)}</td>
              <td className="py-2 text-right tabular-nums">{formatPricePerCandy(c.price)}</td>
              <td className="py-2 text-right font-semibold tabular-nums" data-testid="contract-value">
                {formatInr(c.value)}
              </td>
            </tr>
          </tbody>
        </table>
        <p className="mt-1 text-xs text-slate-500">
          Value = bales × 170 kg ÷ 355.6222 kg per candy × price per candy ({c.currency}).
        </p>
        <div className="grid gap-6 py-6 sm:grid-cols-2">
          <section>
            <h2 className="mb-2 text-sm font-semibold text-slate-900">Quality</h2>
            <dl className="grid gap-1 text-sm">
              {Object.entries(c.quality).map(([k, v]) => (
                <div key={k} className="flex justify-between gap-3">
                  <dt className="text-slate-500">{humanKey(k)}</dt>
                  <dd className="tabular-nums">{String(v)}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section>
            <h2 className="mb-2 text-sm font-semibold text-slate-900">Terms</h2>
            <dl className="grid gap-1 text-sm">
              {terms.map(([k, v]) => (
                <div key={k} className="flex justify-between gap-3">
                  <dt className="text-slate-500">{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
        <p className="border-t border-slate-200 pt-4 font-mono text-xs break-all text-slate-500">
          SHA-256 of the canonical contract document: <span data-testid="document-hash">{c.documentHash}</span>
          {document.data ? (
            <span
              className={document.data.verified ? 'ml-2 text-emerald-700' : 'ml-2 font-semibold text-red-700'}
              data-testid="hash-check"
            >
              {document.data.verified ? '✓ re-hashed and matches' : '✗ document does not match its hash'}
            </span>
          ) : null}
        </p>
      </Card>
    </div>
  );
}

function Party({ title, snapshot }: { title: string; snapshot: Record<string, unknown> }) {
  return (
    <section>
      <h2 className="mb-1 text-xs tracking-wide text-slate-500 uppercase">{title}</h2>
      <p className="font-semibold text-slate-900">{snapshotName(snapshot)}</p>
      <dl className="mt-1 grid gap-0.5 text-sm text-slate-600">
        {snapshotRows(snapshot)
          .filter(([k]) => k !== 'Trade name')
          .map(([k, v]) => (
            <div key={k}>
              <dt className="inline text-slate-400">{k}: </dt>
              <dd className="inline">{v}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
