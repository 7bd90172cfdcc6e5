/** Whether a trade can take an offer or a counter/acceptance right now (state and validity). */
import type { trades } from '@kapas/db';
import { DomainError } from '../../errors';
import { acceptsOffers, type TradeState, tradeMachine } from './rules/trade-state';

type TradeRow = typeof trades.$inferSelect;

export function assertTradeOpen(trade: TradeRow, now: Date): void {
  const state = trade.status as TradeState;
  if (state === 'DRAFT') throw new DomainError('NOT_FOUND', 'Trade not found.');
  if (acceptsOffers(state) && new Date(trade.validUntil).getTime() <= now.getTime()) {
    throw new DomainError('TRADE_EXPIRED', `Trade ${trade.number} has passed its validity.`, { state });
  }
  if (!acceptsOffers(state)) {
    const step = tradeMachine.transition(state, 'OFFER_RECEIVED');
    const code = step.ok ? 'TRADE_CLOSED' : step.error.code;
    throw new DomainError(code, `Trade ${trade.number} is ${state} and takes no more offers.`, { state });
  }
}
