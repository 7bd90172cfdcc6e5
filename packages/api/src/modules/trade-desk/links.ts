/**
 * Paths inside the trader app that trade-desk notifications link to. They must match the routes
 * in apps/web/src/router.tsx: a wrong one sends the user to a "not found" page from an email.
 */

/** The trade page (`/trade-desk/trades/$id`): the buyer's detail, or a seller's view with the offer button. */
export const tradePagePath = (tradeId: string) => `/trade-desk/trades/${tradeId}`;
