import type { RouterOutputs } from '@kapas/api';
import {
  Badge,
  Card,
  EmptyState,
  ErrorState,
  formatRange,
  KINDS_WITH_DAYS,
  LoadingState,
  MASTER_KIND_LABELS,
  MASTER_KINDS,
  type MasterKind,
  PageHeader,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  trpc,
} from '@kapas/ui';

type Commodity = RouterOutputs['masters']['commodities'][number];

export function CommoditiesPage() {
  const commodities = trpc.masters.commodities.useQuery({});
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Commodities"
        description="What can be traded on Kapas, with the quality parameters every lot is graded on."
      />
      {commodities.isPending ? (
        <LoadingState />
      ) : commodities.isError ? (
        <ErrorState error={commodities.error} onRetry={() => void commodities.refetch()} />
      ) : commodities.data.length === 0 ? (
        <EmptyState title="No commodities are open for trading yet" />
      ) : (
        <div className="grid gap-6">
          {commodities.data.map((commodity) => (
            <CommodityCard key={commodity.id} commodity={commodity} />
          ))}
        </div>
      )}
      <h2 className="mt-10 mb-3 text-lg font-semibold text-slate-900">Trade terms and reference lists</h2>
      <Tabs defaultValue="VARIETY">
        <TabsList aria-label="Master lists">
          {MASTER_KINDS.map((kind) => (
            <TabsTrigger key={kind} value={kind}>
              {MASTER_KIND_LABELS[kind]}
            </TabsTrigger>
          ))}
        </TabsList>
        {MASTER_KINDS.map((kind) => (
          <TabsContent key={kind} value={kind}>
            <MasterList kind={kind} />
          </TabsContent>
        ))}
      </Tabs>
    </div>
  );
}

function CommodityCard({ commodity }: { commodity: Commodity }) {
  return (
    <Card aria-labelledby={`commodity-${commodity.id}`} data-testid={`commodity-${commodity.code}`}>
      <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
        <div>
          <h3 id={`commodity-${commodity.id}`} className="text-base font-semibold text-slate-900">
            {commodity.name} <span className="font-mono text-xs font-normal text-slate-500">{commodity.code}</span>
          </h3>
          <dl className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-600">
            <div>
              <dt className="inline text-slate-400">HSN </dt>
              <dd className="inline">{commodity.hsnCode}</dd>
            </div>
            <div>
              <dt className="inline text-slate-400">GST </dt>
              <dd className="inline">{Number(commodity.gstRate)} %</dd>
            </div>
            <div>
              <dt className="inline text-slate-400">Traded in </dt>
              <dd className="inline">{commodity.tradeUnit}</dd>
            </div>
            <div>
              <dt className="inline text-slate-400">Priced per </dt>
              <dd className="inline">{commodity.rateUnit}</dd>
            </div>
          </dl>
        </div>
        <Badge tone={commodity.active ? 'success' : 'neutral'}>{commodity.active ? 'Active' : 'Inactive'}</Badge>
      </div>
      {commodity.qualityTemplate.length === 0 ? (
        <EmptyState title="No quality parameters defined" />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label={`${commodity.name} quality template`}>
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th className="px-5 py-2.5">Parameter</th>
                <th className="px-5 py-2.5">Unit</th>
                <th className="px-5 py-2.5">Allowed range</th>
                <th className="px-5 py-2.5 text-right">Step</th>
                <th className="px-5 py-2.5 text-right">Weight</th>
                <th className="px-5 py-2.5">Required</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {commodity.qualityTemplate.map((p) => (
                <tr key={p.name} data-testid={`quality-${p.name}`}>
                  <td className="px-5 py-2.5">
                    <div className="font-medium text-slate-900">{p.label}</div>
                    <div className="font-mono text-xs text-slate-400">{p.name}</div>
                  </td>
                  <td className="px-5 py-2.5 text-slate-600">{p.unit || '—'}</td>
                  <td className="px-5 py-2.5 text-slate-600">
                    {p.kind === 'grade' ? (p.grades?.length ? p.grades.join(', ') : 'Grades') : formatRange(p.min, p.max)}
                  </td>
                  <td className="px-5 py-2.5 text-right tabular-nums text-slate-600">{p.step ?? '—'}</td>
                  <td className="px-5 py-2.5 text-right tabular-nums text-slate-600">{p.weight}</td>
                  <td className="px-5 py-2.5">{p.mandatory ? <Badge tone="brand">Mandatory</Badge> : <Badge>Optional</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function MasterList({ kind }: { kind: MasterKind }) {
  const items = trpc.masters.items.useQuery({ kind, page: 1, pageSize: 100, sort: 'order' });
  const withDays = KINDS_WITH_DAYS.includes(kind);
  if (items.isPending) return <LoadingState />;
  if (items.isError) return <ErrorState error={items.error} onRetry={() => void items.refetch()} />;
  if (items.data.items.length === 0) return <EmptyState title={`No ${MASTER_KIND_LABELS[kind].toLowerCase()} yet`} />;
  return (
    <Card>
      <table className="w-full text-left text-sm" aria-label={MASTER_KIND_LABELS[kind]}>
        <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            <th className="px-5 py-2.5">Name</th>
            <th className="px-5 py-2.5">Code</th>
            {withDays ? <th className="px-5 py-2.5 text-right">Days</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.data.items.map((item) => (
            <tr key={item.id}>
              <td className="px-5 py-2.5 font-medium text-slate-900">{item.name}</td>
              <td className="px-5 py-2.5 font-mono text-xs text-slate-500">{item.code}</td>
              {withDays ? <td className="px-5 py-2.5 text-right tabular-nums">{item.days ?? '—'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {items.data.total > items.data.items.length ? (
        <p className="border-t border-slate-200 px-5 py-2 text-xs text-slate-500">
          Showing {items.data.items.length} of {items.data.total}.
        </p>
      ) : null}
    </Card>
  );
}
