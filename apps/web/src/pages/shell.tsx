import { AppShell, ErrorState, LoadingState, NavSection, navLinkClass, useMastersLive, useMe, useSignOut } from '@kapas/ui';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { Wheat } from 'lucide-react';
import { useEffect } from 'react';

export function Shell() {
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut(() => void navigate({ to: '/sign-in', search: {} }));

  if (me.isPending) return <LoadingState className="min-h-full" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} className="min-h-full" />;
  if (me.data?.kind !== 'PARTNER') return <SignedOut />;

  return (
    <AppShell
      productName="Kapas"
      me={me.data}
      onSignOut={() => signOut.mutate()}
      signingOut={signOut.isPending}
      nav={
        <NavSection title="Markets">
          <Link to="/commodities" className={navLinkClass}>
            <Wheat aria-hidden />
            Commodities
          </Link>
        </NavSection>
      }
    >
      <Live />
      <Outlet />
    </AppShell>
  );
}

/** Keeps the masters queries fresh while signed in. */
function Live() {
  useMastersLive();
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
