import {
  AppShell,
  AuthLayout,
  Button,
  ChangePasswordForm,
  ErrorState,
  hasCapability,
  kindToSlug,
  LoadingState,
  MASTER_KIND_LABELS,
  MASTER_KINDS,
  NavSection,
  navLinkClass,
  SessionExpiryPrompt,
  useMastersLive,
  useMe,
  useSessionEvents,
  useSignOut,
} from '@kapas/ui';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import {
  Building2,
  FileClock,
  KeyRound,
  ListTree,
  Mail,
  MapPin,
  MessageSquareText,
  MonitorSmartphone,
  Settings,
  ShieldAlert,
  UserCog,
  Users,
  Wheat,
} from 'lucide-react';
import { useEffect } from 'react';

export function Shell() {
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut(() => void navigate({ to: '/sign-in', search: {} }));

  if (me.isPending) return <LoadingState className="min-h-full" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} className="min-h-full" />;
  if (me.data?.kind !== 'BACK_OFFICE') return <SignedOut />;
  if (me.data.mustChangePassword) {
    return (
      <ForcedPasswordChange
        email={me.data.email}
        name={me.data.name}
        onSignOut={() => signOut.mutate()}
        signingOut={signOut.isPending}
      />
    );
  }
  const can = (capability: string) => hasCapability(me.data, capability);

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
          {can('user:manage') || can('session:revoke') ? (
            <NavSection title="Access">
              {can('user:manage') ? (
                <Link to="/users" search={{ page: 1, q: '', kind: '', status: '' }} className={navLinkClass}>
                  <Users aria-hidden />
                  Users
                </Link>
              ) : null}
              {can('user:manage') ? (
                <Link to="/roles" className={navLinkClass}>
                  <UserCog aria-hidden />
                  Roles
                </Link>
              ) : null}
              {can('session:revoke') ? (
                <Link to="/sessions" search={{ page: 1, email: '' }} className={navLinkClass}>
                  <MonitorSmartphone aria-hidden />
                  Sessions
                </Link>
              ) : null}
            </NavSection>
          ) : null}
          {can('audit:read') || can('user:manage') ? (
            <NavSection title="Security">
              {can('audit:read') ? (
                <Link to="/audit" search={EMPTY_AUDIT_SEARCH} className={navLinkClass}>
                  <FileClock aria-hidden />
                  Audit log
                </Link>
              ) : null}
              {can('audit:read') ? (
                <Link to="/security-events" search={{ page: 1, severity: '', type: '', state: '' }} className={navLinkClass}>
                  <ShieldAlert aria-hidden />
                  Security events
                </Link>
              ) : null}
              {can('user:manage') ? (
                <Link to="/outbox" search={{ page: 1, recipient: '', channel: '' }} className={navLinkClass}>
                  <Mail aria-hidden />
                  Dev outbox
                </Link>
              ) : null}
            </NavSection>
          ) : null}
          {can('settings:write') ? (
            <NavSection title="Platform">
              <Link to="/settings" className={navLinkClass}>
                <Settings aria-hidden />
                Settings
              </Link>
              <Link to="/templates" className={navLinkClass}>
                <MessageSquareText aria-hidden />
                Message templates
              </Link>
            </NavSection>
          ) : null}
          <NavSection title="You">
            <Link to="/account" className={navLinkClass}>
              <KeyRound aria-hidden />
              Account
            </Link>
          </NavSection>
        </>
      }
    >
      <Live onSignOut={() => signOut.mutate()} />
      <Outlet />
    </AppShell>
  );
}

export const EMPTY_AUDIT_SEARCH = {
  page: 1,
  actor: '',
  action: '',
  entityType: '',
  entityId: '',
  partnerId: '',
  from: '',
  to: '',
};

function Live({ onSignOut }: { onSignOut: () => void }) {
  useMastersLive();
  const session = useSessionEvents();
  return <SessionExpiryPrompt expiring={session.expiring} onDismiss={session.dismiss} onSignOut={onSignOut} />;
}

/** First sign-in of an account someone else created (or a reset by an admin): a new password comes first. */
function ForcedPasswordChange({
  email,
  name,
  onSignOut,
  signingOut,
}: {
  email: string;
  name: string;
  onSignOut: () => void;
  signingOut: boolean;
}) {
  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="Before you continue, replace the password you were given with one only you know."
      footer={
        <Button variant="link" onClick={onSignOut} loading={signingOut}>
          Sign out
        </Button>
      }
    >
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="forced-password-change">
        <ChangePasswordForm identity={{ email, name }} submitLabel="Save and continue" />
      </div>
    </AuthLayout>
  );
}

/** The session ended while the app was open: back to sign-in. */
function SignedOut() {
  const navigate = useNavigate();
  useEffect(() => {
    void navigate({ to: '/sign-in', search: {}, replace: true });
  }, [navigate]);
  return <LoadingState className="min-h-full" />;
}
