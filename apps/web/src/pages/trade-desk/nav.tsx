import { hasCapability, type Me, NavSection, navLinkClass, toast, trpc, useConnectionState } from '@kapas/ui';
import { skipToken } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { FileSignature, FlaskConical, Handshake, PlusCircle } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { feedCounter, useFeedCount } from './feed-counter';

/** The "Trade desk" navigation section, with a badge counting feed events since the desk was last opened. */
export function TradeDeskNav({ me }: { me: Me }) {
  const unseen = useFeedCount();
  if (!hasCapability(me, 'trade:read')) return null;
  return (
    <NavSection title="Trade desk">
      <Link to="/trade-desk" className={navLinkClass} activeOptions={{ exact: true }}>
        <Handshake aria-hidden />
        Desk
        {unseen > 0 ? (
          <span
            className="ml-auto rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white tabular-nums"
            data-testid="feed-badge"
          >
            {unseen}
            <span className="sr-only"> new updates</span>
          </span>
        ) : null}
      </Link>
      {hasCapability(me, 'trade:create') ? (
        <Link to="/trade-desk/trades/new" className={navLinkClass}>
          <PlusCircle aria-hidden />
          New trade
        </Link>
      ) : null}
      {hasCapability(me, 'lot:create') ? (
        <Link to="/trade-desk/lots" className={navLinkClass}>
          <FlaskConical aria-hidden />
          Tested lots
        </Link>
      ) : null}
      {hasCapability(me, 'contract:read') ? (
        <Link to="/trade-desk/contracts" className={navLinkClass}>
          <FileSignature aria-hidden />
          Contracts
        </Link>
      ) : null}
    </NavSection>
  );
}

/**
 * The personal trade-desk feed (offer received/countered/accepted, trade or lot matched …): every
 * event refreshes the trade-desk queries, so every open screen updates without a reload. tRPC
 * resumes from the last event id after a reconnect; a refetch after reconnecting covers the rest.
 */
export function TradeDeskLive({ enabled }: { enabled: boolean }) {
  const utils = trpc.useUtils();
  const connection = useConnectionState();
  const previous = useRef(connection);

  const navigate = useNavigate();

  trpc.tradeDesk.onMyFeed.useSubscription(enabled ? {} : skipToken, {
    onData: (event) => {
      feedCounter.bump();
      void invalidateTradeDesk(utils);
      const invitation = invitationOf(event.data);
      if (invitation) {
        toast.info(`You are invited to offer on ${invitation.tradeNumber}`, {
          description: invitation.message ?? 'The trade desk asked you to look at this trade.',
          duration: 20_000,
          action: {
            label: 'View trade',
            onClick: () => void navigate({ to: '/trade-desk/trades/$id', params: { id: invitation.tradeId } }),
          },
        });
      }
    },
  });

  useEffect(() => {
    if (previous.current === 'reconnecting' && connection === 'live') void invalidateTradeDesk(utils);
    previous.current = connection;
  }, [connection, utils]);
  return null;
}

/**
 * A back-office invitation to offer (DOMAIN §6.6) is worth interrupting for, unlike the routine
 * feed, so it gets a toast that opens the trade. Only the feed carries it to every open tab.
 */
function invitationOf(event: { type: string; payload: Record<string, unknown> }) {
  const { tradeId, tradeNumber, message } = event.payload;
  if (event.type !== 'trade.invited' || typeof tradeId !== 'string' || typeof tradeNumber !== 'string') return null;
  return { tradeId, tradeNumber, message: typeof message === 'string' && message ? message : null };
}

export function invalidateTradeDesk(utils: ReturnType<typeof trpc.useUtils>) {
  return Promise.all([
    utils.trades.invalidate(),
    utils.offers.invalidate(),
    utils.lots.invalidate(),
    utils.contracts.invalidate(),
  ]);
}
