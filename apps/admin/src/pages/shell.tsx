import {
  AppShell,
  ErrorState,
  kindToSlug,
  LoadingState,
  MASTER_KIND_LABELS,
  MASTER_KINDS,
  NavSection,
  navLinkClass,
  useMastersLive,
  useMe,
  useSignOut,
} from '@kapas/ui';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { Building2, ListTree, MapPin, Wheat } from 'lucide-react';
import { useEffect } from 'react';

export function Shell() {
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut(() => void navigate({ to: '/sign-in', search: {} }));

  if (me.isPending) return <LoadingState className="min-h-full" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} className="min-h-full" />;
  if (me.data?.kind !== 'BACK_OFFICE') return <SignedOut />;

  return (
    <AppShell
      productName="Kapas Back Office"
      me={me.data}
      onSignOut={() => signOut.mutate()}
      signingOut={signOut.isPending}
      nav={
        <>
          <NavSection title="Products">
            <Link to="/commodities" className={navLinkClass}>
              <Wheat aria-hidden />
              Commodities
            </Link>
          </NavSection>
          <NavSection title="Masters">
            {MASTER_KINDS.map((kind) => (
              <Link
                key={kind}
                to="/masters/$kind"
                params={{ kind }}
                search={{ page: 1, q: '', sort: 'order', inactive: false }}
                className={navLinkClass}
                data-slug={kindToSlug(kind)}
              >
                <ListTree aria-hidden />
                {MASTER_KIND_LABELS[kind]}
              </Link>
            ))}
          </NavSection>
          <NavSection title="Reference">
            <Link to="/locations" className={navLinkClass}>
              <MapPin aria-hidden />
              Locations
            </Link>
            <Link to="/organizations" className={navLinkClass}>
              <Building2 aria-hidden />
              Organizations
            </Link>
          </NavSection>
        </>
      }
    >
      <Live />
      <Outlet />
    </AppShell>
  );
}

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
