import type { AccessRule } from '../../authorization';

/**
 * Who may call each procedure of this module (see authorization.ts). Negotiation actions and
 * trade cancellation are gated on `trade:read` because two kinds of caller may do them with
 * different capabilities (a party with negotiation:respond / trade:create, or staff with
 * negotiation:act-for / tradedesk:manage); the service checks which applies (scope.ts).
 */
export const TRADE_DESK_ACCESS: Record<string, AccessRule> = {
  'trades.create': { access: 'trade:create', audience: 'PARTNER', tenant: 'partner' },
  'trades.update': { access: 'trade:create', audience: 'PARTNER', tenant: 'partner' },
  'trades.post': { access: 'trade:create', audience: 'PARTNER', tenant: 'partner' },
  'trades.cancel': { access: 'trade:read', tenant: 'partner' },
  'trades.mine': { access: 'trade:read', audience: 'PARTNER', tenant: 'partner' },
  'trades.get': { access: 'trade:read', tenant: 'partner' },
  'trades.openForSellers': { access: 'offer:create', audience: 'PARTNER', tenant: 'partner' },
  'trades.parseQuickEntry': { access: 'trade:create', audience: 'PARTNER', tenant: 'none' },

  'lots.publish': { access: 'lot:create', audience: 'PARTNER', tenant: 'partner' },
  'lots.mine': { access: 'lot:create', audience: 'PARTNER', tenant: 'partner' },
  'lots.get': { access: 'trade:read', tenant: 'partner' },
  'lots.withdraw': { access: 'lot:create', audience: 'PARTNER', tenant: 'partner' },

  'offers.submit': { access: 'offer:create', audience: 'PARTNER', tenant: 'partner' },
  'offers.counter': { access: 'trade:read', tenant: 'partner' },
  'offers.accept': { access: 'trade:read', tenant: 'partner' },
  'offers.reject': { access: 'trade:read', tenant: 'partner' },
  'offers.withdraw': { access: 'trade:read', tenant: 'partner' },
  'offers.get': { access: 'trade:read', tenant: 'partner' },
  'offers.mine': { access: 'trade:read', audience: 'PARTNER', tenant: 'partner' },
  'offers.onNegotiation': { access: 'trade:read', tenant: 'partner' },

  'contracts.mine': { access: 'contract:read', audience: 'PARTNER', tenant: 'partner' },
  'contracts.get': { access: 'contract:read', tenant: 'partner' },
  'contracts.document': { access: 'contract:read', tenant: 'partner' },

  'tradeDesk.onMyFeed': { access: 'trade:read', audience: 'PARTNER', tenant: 'partner' },
  'tradeDesk.onBackOffice': { access: 'trade:read', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'tradeDesk.summary': { access: 'trade:read', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'tradeDesk.trades': { access: 'trade:read', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'tradeDesk.sellerPerformance': { access: 'trade:read', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'tradeDesk.alerts': { access: 'trade:read', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'tradeDesk.forceMatch': { access: 'tradedesk:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
  'tradeDesk.inviteSeller': { access: 'tradedesk:manage', audience: 'BACK_OFFICE', tenant: 'back-office' },
};
