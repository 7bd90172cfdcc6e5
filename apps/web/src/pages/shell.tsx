import {
  AppShell,
  ErrorState,
  errorCode,
  hasCapability,
  LoadingState,
  NavSection,
  NotificationBell,
  navLinkClass,
  useMastersLive,
  useMe,
  useSignOut,
} from '@kapas/ui';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { Bell, Building2, KeyRound, ShieldCheck, UserRound, Users, Wheat } from 'lucide-react';
import { useEffect } from 'react';
import { SessionWatch } from '../components/session-watch';
import { TradeDeskLive, TradeDeskNav } from './trade-desk/nav';

export function Shell() {
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut(() => void navigate({ to: '/sign-in', search: {} }));
  const mustChange = me.data?.mustChangePassword ?? false;

  useEffect(() => {
    if (mustChange) void navigate({ to: '/change-password', replace: true });
  }, [mustChange, navigate]);

  if (me.isPending) return <LoadingState className="min-h-full" />;
  if (me.isError && errorCode(me.error) !== 'UNAUTHORIZED') {
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} className="min-h-full" />;
  }
  if (me.data?.kind !== 'PARTNER') return <SignedOut />;
  if (mustChange) return <LoadingState className="min-h-full" />;

  const primary = me.data.isPrimary;
  return (
    <AppShell
      productName="Kapas"
      me={me.data}
      onSignOut={() => signOut.mutate()}
      signingOut={signOut.isPending}
      headerExtra={<NotificationBell onOpen={(link) => void navigate({ href: link })} />}
      nav={
        <>
          <TradeDeskNav me={me.data} />
          {hasCapability(me.data, 'master:read') ? (
            <NavSection title="Markets">
              <Link to="/commodities" className={navLinkClass}>
                <Wheat aria-hidden />
                Commodities
              </Link>
            </NavSection>
          ) : null}
          <NavSection title="Settings">
            <Link to="/notifications" className={navLinkClass}>
              <Bell aria-hidden />
              Notifications
            </Link>
            <Link to="/account" className={navLinkClass}>
              <UserRound aria-hidden />
              Account
            </Link>
            <Link to="/company" className={navLinkClass} data-testid="nav-company">
              <Building2 aria-hidden />
              Company
            </Link>
            <Link to="/compliance" className={navLinkClass} data-testid="nav-compliance">
              <ShieldCheck aria-hidden />
              Compliance
            </Link>
            {primary && hasCapability(me.data, 'subuser:manage') ? (
              <Link to="/team" className={navLinkClass}>
                <Users aria-hidden />
                Team
              </Link>
            ) : null}
            {primary && hasCapability(me.data, 'token:manage') ? (
              <Link to="/api-tokens" className={navLinkClass}>
                <KeyRound aria-hidden />
                API tokens
              </Link>
            ) : null}
          </NavSection>
        </>
      }
    >
      <Live enabled={hasCapability(me.data, 'master:read')} />
      <SessionWatch />
      <TradeDeskLive enabled={hasCapability(me.data, 'trade:read')} />
      <Outlet />
    </AppShell>
  );
}

/** Keeps the masters queries fresh while signed in. */
function Live({ enabled }: { enabled: boolean }) {
  useMastersLive(enabled);
  return null;
}

/** The session ended while the app was open: back to sign-in. */
function SignedOut() {
  const navigate = useNavigate();
  useEffect(() => {
    void navigate({ to: '/sign-in', search: {}, replace: true });
  }, [navigate]);
  return <LoadingState className="min-h-full" />;
}
