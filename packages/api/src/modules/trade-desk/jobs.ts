import type { Deps } from '../../context';

/** Scheduled work of this module: expire trades, offers and lots whose validity or inactivity window passed. */
export async function runTradeDeskExpiry(_deps: Deps, _now: Date): Promise<Record<string, unknown>> {
  return { trades: 0, offers: 0, lots: 0 };
}
