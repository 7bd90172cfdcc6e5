import {
  Badge,
  Card,
  ChangePasswordCard,
  ErrorState,
  LoadingState,
  type Me,
  MySessionsCard,
  NotificationPreferencesCard,
  PageHeader,
  useMe,
} from '@kapas/ui';
import { capabilityLabel } from '../lib/capabilities';

export function AccountPage() {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <LoadingState />;
  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <PageHeader title="Account" description="Your profile, password and the devices you are signed in on." />
      <Profile me={me.data} />
      <ChangePasswordCard identity={{ email: me.data.email, name: me.data.name }} />
      <MySessionsCard
        title="Where you are signed in"
        description="End any session you do not recognise."
        tableLabel="My sessions"
      />
      <NotificationPreferencesCard />
    </div>
  );
}

function Profile({ me }: { me: Me }) {
  return (
    <Card aria-labelledby="profile-heading" className="p-5" data-testid="profile">
      <h2 id="profile-heading" className="mb-3 text-base font-semibold text-slate-900">
        Profile
      </h2>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Name</dt>
          <dd className="font-medium text-slate-900">{me.name}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Email</dt>
          <dd className="font-medium text-slate-900">{me.email}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Company</dt>
          <dd className="font-medium text-slate-900">{me.partner ? `${me.partner.name} (${me.partner.number})` : '—'}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Account type</dt>
          <dd>
            <Badge tone={me.isPrimary ? 'brand' : 'neutral'}>{me.isPrimary ? 'Primary user' : 'Sub-user'}</Badge>
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-500">Permissions</dt>
          <dd className="mt-1 flex flex-wrap gap-1.5">
            {me.capabilities.length ? (
              me.capabilities.map((c) => (
                <Badge key={c} title={c}>
                  {capabilityLabel(c)}
                </Badge>
              ))
            ) : (
              <span className="text-slate-500">None</span>
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
