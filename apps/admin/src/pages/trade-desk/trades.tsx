import type { RouterOutputs } from '@kapas/api';
import {
  Badge,
  Button,
  type Column,
  DataTable,
  formatBales,
  formatDateTime,
  formatPricePerCandy,
  hasCapability,
  humanizeState,
  PageHeader,
  Select,
  StateBadge,
  trpc,
  useMe,
} from '@kapas/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTradeDeskLive } from './live';
import { type NotifyKind, NotifySellersDialog } from './notify-sellers-dialog';
import { TRADE_STATES, type TradeDeskTradesSearch } from './search';

type Trade = RouterOutputs['tradeDesk']['trades']['items'][number];
const PAGE_SIZE = 20;
const OPEN = new Set(['POSTED', 'OFFERS_RECEIVED', 'NEGOTIATION']);

export function TradeDeskTradesPage() {
  useTradeDeskLive();
  const search = useSearch({ from: '/app/trade-desk/trades' });
  const navigate = useNavigate({ from: '/trade-desk/trades' });
  const me = useMe().data;
  const canManage = me ? hasCapability(me, 'tradedesk:manage') : false;
  const [notify, setNotify] = useState<{ trade: Trade; kind: NotifyKind } | null>(null);
  const setSearch = useCallback(
    (patch: Partial<TradeDeskTradesSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const onSearchChange = useCallback((q: string) => setSearch({ q, page: 1 }), [setSearch]);
  const commodities = trpc.masters.commodities.useQuery({});
  const list = trpc.tradeDesk.trades.useQuery(
    {
      page: search.page,
      pageSize: PAGE_SIZE,
      ...(search.q ? { search: search.q } : {}),
      ...(search.status ? { status: [search.status] } : {}),
      ...(search.urgency ? { urgency: search.urgency } : {}),
      ...(search.commodityId ? { commodityId: search.commodityId } : {}),
    },
    { placeholderData: keepPreviousData },
  );

  const columns: Column<Trade, never>[] = [
    {
      id: 'number',
      header: 'Trade',
      cell: (t) => (
        <div className="leading-tight">
          <Link to="/trade-desk/trades/$id" params={{ id: t.id }} className="font-medium text-brand-700 hover:underline">
            {t.number}
          </Link>
          {t.urgency === 'URGENT' ? (
            <Badge tone="danger" className="ml-2">
              Urgent
            </Badge>
          ) : null}
          <span className="block text-xs text-slate-500">{t.buyerName ?? '—'}</span>
        </div>
      ),
    },
    { id: 'commodity', header: 'Commodity', cell: (t) => t.commodityName ?? '—' },
    {
      id: 'quantity',
      header: 'Quantity',
      cell: (t) => (
        <span className="tabular-nums">
          {formatBales(t.quantity)}
          {Number(t.allocated) > 0 ? (
            <span className="block text-xs text-slate-500">{formatBales(t.allocated)} allocated</span>
          ) : null}
        </span>
      ),
      className: 'text-right',
    },
    { id: 'target', header: 'Target', cell: (t) => formatPricePerCandy(t.targetPrice), className: 'text-right tabular-nums' },
    { id: 'status', header: 'State', cell: (t) => <StateBadge state={t.status} /> },
    { id: 'valid', header: 'Valid until', cell: (t) => formatDateTime(t.validUntil) },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      cell: (t) =>
        canManage && OPEN.has(t.status) ? (
          <div className="flex justify-end gap-1">
            <Button
              size="sm"
              variant="secondary"
              onClick={() => setNotify({ trade: t, kind: 'forceMatch' })}
              aria-label={`Force-match ${t.number}`}
            >
              Force-match
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setNotify({ trade: t, kind: 'inviteSeller' })}
              aria-label={`Invite sellers to ${t.number}`}
            >
              Invite
            </Button>
          </div>
        ) : null,
      className: 'text-right',
    },
  ];

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title="Trades" description="Every trade on the desk; filters and paging live in the URL." />
      <DataTable<Trade, never>
        label="Trades"
        columns={columns}
        rows={list.data?.items}
        rowKey={(t) => t.id}
        total={list.data?.total ?? 0}
        page={search.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setSearch({ page })}
        search={search.q}
        onSearchChange={onSearchChange}
        isLoading={list.isFetching}
        error={list.error ?? undefined}
        onRetry={() => void list.refetch()}
        emptyTitle="No trades match"
        toolbar={
          <>
            <Select
              aria-label="State"
              value={search.status}
              onChange={(e) => setSearch({ status: e.target.value as TradeDeskTradesSearch['status'], page: 1 })}
            >
              <option value="">All states</option>
              {TRADE_STATES.map((s) => (
                <option key={s} value={s}>
                  {humanizeState(s)}
                </option>
              ))}
            </Select>
            <Select
              aria-label="Urgency"
              value={search.urgency}
              onChange={(e) => setSearch({ urgency: e.target.value as TradeDeskTradesSearch['urgency'], page: 1 })}
            >
              <option value="">Any urgency</option>
              <option value="URGENT">Urgent</option>
              <option value="NORMAL">Normal</option>
            </Select>
            <Select
              aria-label="Commodity"
              value={search.commodityId}
              onChange={(e) => setSearch({ commodityId: e.target.value, page: 1 })}
            >
              <option value="">All commodities</option>
              {(commodities.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </>
        }
      />
      {notify ? <NotifySellersDialog trade={notify.trade} kind={notify.kind} onClose={() => setNotify(null)} /> : null}
    </div>
  );
}
