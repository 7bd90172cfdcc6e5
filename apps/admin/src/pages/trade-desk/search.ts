/** URL state of the back-office trade list (server-side paging and filters). */
export const TRADE_STATES = [
  'DRAFT',
  'POSTED',
  'OFFERS_RECEIVED',
  'NEGOTIATION',
  'AGREED',
  'COMPLETED',
  'EXPIRED',
  'CANCELLED',
] as const;
export type TradeState = (typeof TRADE_STATES)[number];

export type TradeDeskTradesSearch = {
  page: number;
  q: string;
  status: TradeState | '';
  urgency: 'NORMAL' | 'URGENT' | '';
  commodityId: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseTradeDeskTradesSearch(search: Record<string, unknown>): TradeDeskTradesSearch {
  const page = Number(search.page);
  const status =
    typeof search.status === 'string' && (TRADE_STATES as readonly string[]).includes(search.status)
      ? (search.status as TradeState)
      : '';
  return {
    page: Number.isInteger(page) && page > 0 && page <= 100_000 ? page : 1,
    q: typeof search.q === 'string' ? search.q.slice(0, 80) : '',
    status,
    urgency: search.urgency === 'URGENT' || search.urgency === 'NORMAL' ? search.urgency : '',
    commodityId: typeof search.commodityId === 'string' && UUID.test(search.commodityId) ? search.commodityId : '',
  };
}

export const EMPTY_TRADES_SEARCH: TradeDeskTradesSearch = { page: 1, q: '', status: '', urgency: '', commodityId: '' };
