import type { RouterOutputs } from '@kapas/api';
import {
  Alert,
  Badge,
  Card,
  EmptyState,
  ErrorState,
  formatDecimal,
  formatInr,
  humanizeState,
  LoadingState,
  PageHeader,
  Select,
  trpc,
} from '@kapas/ui';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTradeDeskLive } from './live';
import { TRADE_STATES } from './search';
import { SellerPerformance } from './seller-performance';

const STATE_COLOURS: Record<string, string> = {
  DRAFT: '#cbd5e1',
  POSTED: '#38bdf8',
  OFFERS_RECEIVED: '#0ea5e9',
  NEGOTIATION: '#f59e0b',
  AGREED: '#10b981',
  COMPLETED: '#047857',
  EXPIRED: '#94a3b8',
  CANCELLED: '#64748b',
};

export function TradeDeskDashboardPage() {
  useTradeDeskLive();
  const [days, setDays] = useState(30);
  const summary = trpc.tradeDesk.summary.useQuery({ days });
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Trade desk"
        description="Live summary of trades, offers and contracts. Updates as it happens."
        actions={
          <Select aria-label="Period" value={String(days)} onChange={(e) => setDays(Number(e.target.value))} className="w-44">
            <option value="7">Last 7 days</option>
            <option value="30">Last 30 days</option>
            <option value="90">Last 90 days</option>
          </Select>
        }
      />
      {summary.isPending ? (
        <LoadingState />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Summary data={summary.data} />
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-[3fr_2fr]">
        <SellerPerformance />
        <AlertsPanel />
      </div>
    </div>
  );
}

type SummaryData = RouterOutputs['tradeDesk']['summary'];

function Kpi({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card className="p-4">
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <p className="mt-1 truncate text-xl font-semibold text-slate-900 tabular-nums" data-testid={testId} title={value}>
        {value}
      </p>
    </Card>
  );
}

const SCORE_LABELS = ['Best', 'Good', 'Average', 'Poor'] as const;
const SCORE_COLOURS: Record<(typeof SCORE_LABELS)[number], string> = {
  Best: '#15803d',
  Good: '#65a30d',
  Average: '#ca8a04',
  Poor: '#dc2626',
};

function Summary({ data }: { data: SummaryData }) {
  const open = ['POSTED', 'OFFERS_RECEIVED', 'NEGOTIATION'].reduce((n, s) => n + (data.countsByState[s] ?? 0), 0);
  const byState = TRADE_STATES.map((s) => ({ state: humanizeState(s), key: s, count: data.countsByState[s] ?? 0 }));
  const series = data.series.map((d) => ({ day: d.day.slice(5), ...d.counts }));
  const used = TRADE_STATES.filter((s) => data.series.some((d) => (d.counts[s] ?? 0) > 0));
  const values = data.series.map((d) => ({ day: d.day.slice(5), value: Number(d.contractValue) }));
  const scores = SCORE_LABELS.map((label) => ({ label, count: data.scoreDistribution[label] }));
  return (
    <div className="grid gap-6">
      <div className="grid gap-4 sm:grid-cols-3 2xl:grid-cols-6" data-testid="trade-desk-kpis">
        <Kpi label="Open trades" value={String(open)} testId="kpi-open" />
        <Kpi label="Contracts" value={String(data.contracts)} testId="kpi-contracts" />
        <Kpi label="Contract value" value={formatInr(data.totalValue)} testId="kpi-value" />
        <Kpi
          label="Average score"
          value={data.averageScore === null ? '—' : formatDecimal(data.averageScore, { min: 0, max: 1 })}
          testId="kpi-score"
        />
        <Kpi
          label="Median response"
          value={
            data.medianResponseMinutes === null
              ? '—'
              : `${formatDecimal(Math.round(data.medianResponseMinutes), { min: 0, max: 0 })} min`
          }
          testId="kpi-response"
        />
        <Kpi label="Top commodity" value={data.topCommodities[0]?.name ?? '—'} testId="kpi-top-commodity" />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="p-4">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Trades by state</h2>
          <div className="h-64" role="img" aria-label="Trades by state">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={byState}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="state" tick={{ fontSize: 11 }} interval={0} angle={-20} textAnchor="end" height={50} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Bar dataKey="count" name="Trades">
                  {byState.map((s) => (
                    <Cell key={s.key} fill={STATE_COLOURS[s.key] ?? '#94a3b8'} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">New trades per day, by current state</h2>
          <div className="h-64" role="img" aria-label="New trades per day">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={series}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tick={{ fontSize: 11 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 11 }} />
                {used.map((s) => (
                  <Bar key={s} dataKey={s} name={humanizeState(s)} stackId="a" fill={STATE_COLOURS[s] ?? '#94a3b8'} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="p-4">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Contract value per day (INR)</h2>
          <div className="h-64" role="img" aria-label="Contract value per day">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={values}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tick={{ fontSize: 11 }} />
                <YAxis tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatInr(String(v))} width={90} />
                <Tooltip formatter={(v) => formatInr(String(v))} />
                <Bar dataKey="value" name="Contract value" fill="#0f766e" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Live offers by score label</h2>
          <div className="h-64" role="img" aria-label="Live offers by score label" data-testid="score-distribution">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={scores}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Bar dataKey="count" name="Offers">
                  {scores.map((s) => (
                    <Cell key={s.label} fill={SCORE_COLOURS[s.label]} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Card>
      </div>
      <Card className="p-4">
        <h2 className="mb-3 text-sm font-semibold text-slate-900">Top commodities</h2>
        {data.topCommodities.length === 0 ? (
          <EmptyState title="No trades yet" />
        ) : (
          <ul className="grid gap-2 text-sm sm:grid-cols-5" data-testid="top-commodities">
            {data.topCommodities.map((c) => (
              <li key={c.commodityId} className="flex justify-between gap-2 rounded-md bg-slate-50 px-3 py-2">
                <span className="font-medium text-slate-900">{c.name}</span>
                <span className="tabular-nums text-slate-600">{c.n}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

const ALERT_TONES = { HIGH_VALUE: 'brand', EXPIRING_NO_OFFERS: 'warning', URGENT: 'danger' } as const;

function AlertsPanel() {
  const alerts = trpc.tradeDesk.alerts.useQuery();
  return (
    <Card data-testid="alerts-panel">
      <h2 className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">Alerts</h2>
      {alerts.isPending ? (
        <LoadingState />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.items.length === 0 ? (
        <EmptyState title="Nothing needs attention" />
      ) : (
        <ul className="divide-y divide-slate-100">
          {alerts.data.items.map((a) => (
            <li key={`${a.kind}-${a.tradeId}`} className="flex flex-wrap items-center gap-2 px-4 py-2.5 text-sm">
              <Badge tone={ALERT_TONES[a.kind]}>{humanizeState(a.kind)}</Badge>
              <Link
                to="/trade-desk/trades"
                search={{ page: 1, q: a.tradeNumber, status: '', urgency: '', commodityId: '' }}
                className="font-medium text-brand-700 hover:underline"
              >
                {a.tradeNumber}
              </Link>
              <span className="text-slate-600">{a.buyerName}</span>
              <span className="ml-auto text-xs text-slate-500">{a.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {alerts.data ? (
        <Alert tone="info" className="m-3 text-xs">
          High value means an estimated value above {formatInr(alerts.data.threshold)}.
        </Alert>
      ) : null}
    </Card>
  );
}
