import { Alert, Button, Card, EmptyState, errorMessage, FormField, Input, LoadingState, Select, trpc } from '@kapas/ui';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Version history: compare any two versions, or read the partner as it was at a date. */
export function VersionsTab({ partnerId }: { partnerId: string }) {
  const versions = trpc.partners.versions.useQuery({ id: partnerId });
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [asOf, setAsOf] = useState('');
  const list = versions.data ?? [];
  const a = from ?? list[1]?.version ?? null;
  const b = to ?? list[0]?.version ?? null;
  const diff = trpc.partners.diff.useQuery(
    { id: partnerId, from: a ?? 1, to: b ?? 1 },
    { enabled: a !== null && b !== null && a !== b },
  );
  const asOfIso = asOf ? new Date(`${asOf}T23:59:59`).toISOString() : null;
  const asOfVersion = trpc.partners.asOf.useQuery(
    { id: partnerId, at: asOfIso ?? '' },
    { enabled: asOfIso !== null, retry: false },
  );

  if (versions.isPending) return <LoadingState />;
  if (versions.isError) return <Alert>{errorMessage(versions.error)}</Alert>;
  if (list.length === 0) return <EmptyState title="No versions yet" />;

  return (
    <div className="grid gap-4">
      <Card className="p-4">
        <h2 className="mb-3 text-sm font-semibold text-slate-900">Versions</h2>
        <ul className="grid gap-1 text-sm" data-testid="versions-list">
          {list.map((v) => (
            <li key={v.id}>
              <span className="font-mono">v{v.version}</span> · {formatDateTime(v.createdAt)}
              {v.changeRequestId ? <span className="text-slate-500"> · change request</span> : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card className="p-4">
        <h2 className="mb-3 text-sm font-semibold text-slate-900">Compare</h2>
        <div className="mb-3 flex flex-wrap items-end gap-3">
          <FormField label="From">
            <Select value={a ?? ''} onChange={(e) => setFrom(Number(e.target.value))} data-testid="diff-from" className="w-28">
              {list.map((v) => (
                <option key={v.id} value={v.version}>
                  v{v.version}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label="To">
            <Select value={b ?? ''} onChange={(e) => setTo(Number(e.target.value))} data-testid="diff-to" className="w-28">
              {list.map((v) => (
                <option key={v.id} value={v.version}>
                  v{v.version}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        {a === null || b === null || a === b ? (
          <p className="text-sm text-slate-500">Choose two different versions.</p>
        ) : diff.isPending ? (
          <LoadingState />
        ) : diff.isError ? (
          <Alert>{errorMessage(diff.error)}</Alert>
        ) : diff.data.changes.length === 0 ? (
          <p className="text-sm text-slate-500">No differences.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="diff-table">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1 pr-4">Field</th>
                <th className="py-1 pr-4">v{a}</th>
                <th className="py-1">v{b}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {diff.data.changes.map((c) => (
                <tr key={c.path}>
                  <td className="py-1 pr-4 font-mono text-xs">{c.path}</td>
                  <td className="py-1 pr-4 break-all text-red-700">{show(c.from)}</td>
                  <td className="py-1 break-all text-emerald-700">{show(c.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card className="p-4">
        <h2 className="mb-3 text-sm font-semibold text-slate-900">As of a date</h2>
        <div className="mb-3 flex items-end gap-3">
          <FormField label="Date">
            <Input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="as-of-date" className="w-44" />
          </FormField>
          {asOf ? (
            <Button variant="ghost" onClick={() => setAsOf('')}>
              Clear
            </Button>
          ) : null}
        </div>
        {asOfIso === null ? null : asOfVersion.isPending ? (
          <LoadingState />
        ) : asOfVersion.isError ? (
          <Alert>{errorMessage(asOfVersion.error)}</Alert>
        ) : (
          <div data-testid="as-of-result">
            <p className="mb-2 text-sm text-slate-600">
              Version {asOfVersion.data.version}, written {formatDateTime(asOfVersion.data.createdAt)}
            </p>
            <pre className="max-h-96 overflow-auto rounded-lg bg-slate-50 p-3 text-xs">
              {JSON.stringify(asOfVersion.data.snapshot, null, 2)}
            </pre>
          </div>
        )}
      </Card>
    </div>
  );
}
