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
  NotificationBell,
  navLinkClass,
  SessionExpiryPrompt,
  useMastersLive,
  useMe,
  useSessionEvents,
  useSignOut,
} from '@kapas/ui';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import {
  BadgeCheck,
  Bell,
  Building2,
  CalendarRange,
  Clock,
  FileClock,
  FilePlus2,
  HandCoins,
  Handshake,
  KeyRound,
  ListChecks,
  ListTree,
  Mail,
  MapPin,
  MessageSquareText,
  MonitorSmartphone,
  Percent,
  Settings,
  ShieldAlert,
  ShieldCheck,
  UserCog,
  Users,
  Wheat,
} from 'lucide-react';
import { useEffect } from 'react';
import { EMPTY_APPROVALS_SEARCH } from './approvals/search';
import { EMPTY_APPLICATIONS_SEARCH } from './onboarding/search';
import { EMPTY_PARTNERS_SEARCH } from './partners/search';
import { EMPTY_TRADES_SEARCH } from './trade-desk/search';

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
      headerExtra={<NotificationBell onOpen={(link) => void navigate({ href: link })} />}
      nav={
        <>
          {can('partner:approve') ? (
            <NavSection title="Work">
              <Link to="/approvals" search={EMPTY_APPROVALS_SEARCH} className={navLinkClass}>
                <BadgeCheck aria-hidden />
                Approvals
              </Link>
            </NavSection>
          ) : null}
          {can('trade:read') ? (
            <NavSection title="Trade desk">
              <Link to="/trade-desk" className={navLinkClass} activeOptions={{ exact: true }}>
                <Handshake aria-hidden />
                Dashboard
              </Link>
              <Link to="/trade-desk/trades" search={EMPTY_TRADES_SEARCH} className={navLinkClass}>
                <ListChecks aria-hidden />
                Trades
              </Link>
            </NavSection>
          ) : null}
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
            <Link to="/financial-years" className={navLinkClass}>
              <CalendarRange aria-hidden />
              Financial years
            </Link>
            <Link to="/gst-rates" className={navLinkClass}>
              <Percent aria-hidden />
              GST rates
            </Link>
            <Link to="/commission-structures" className={navLinkClass}>
              <HandCoins aria-hidden />
              Commission structures
            </Link>
          </NavSection>
          {can('partner:read') ? (
            <NavSection title="Partners">
              <Link to="/partners" search={EMPTY_PARTNERS_SEARCH} className={navLinkClass}>
                <Handshake aria-hidden />
                Partners
              </Link>
              <Link to="/compliance" className={navLinkClass} data-testid="nav-compliance">
                <ShieldCheck aria-hidden />
                Compliance
              </Link>
              {can('partner:manage') ? (
                <Link
                  to="/applications"
                  search={EMPTY_APPLICATIONS_SEARCH}
                  className={navLinkClass}
                  data-testid="nav-applications"
                >
                  <FilePlus2 aria-hidden />
                  Applications
                </Link>
              ) : null}
            </NavSection>
          ) : null}
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
          {can('job:manage') ? (
            <NavSection title="Operations">
              <Link to="/jobs" className={navLinkClass}>
                <Clock aria-hidden />
                Scheduled jobs
              </Link>
            </NavSection>
          ) : null}
          <NavSection title="You">
            <Link to="/notifications" className={navLinkClass}>
              <Bell aria-hidden />
              Notifications
            </Link>
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
