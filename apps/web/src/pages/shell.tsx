import {
  AppShell,
  ErrorState,
  errorCode,
  hasCapability,
  LoadingState,
  NavSection,
  navLinkClass,
  useMastersLive,
  useMe,
  useSignOut,
} from '@kapas/ui';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { KeyRound, UserRound, Users, Wheat } from 'lucide-react';
import { useEffect } from 'react';
import { SessionWatch } from '../components/session-watch';

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
      nav={
        <>
          {hasCapability(me.data, 'master:read') ? (
            <NavSection title="Markets">
              <Link to="/commodities" className={navLinkClass}>
                <Wheat aria-hidden />
                Commodities
              </Link>
            </NavSection>
          ) : null}
          <NavSection title="Settings">
            <Link to="/account" className={navLinkClass}>
              <UserRound aria-hidden />
              Account
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
