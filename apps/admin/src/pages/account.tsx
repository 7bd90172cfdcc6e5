import { ChangePasswordCard, MySessionsCard, NotificationPreferencesCard, PageHeader, useMe } from '@kapas/ui';

export function AccountPage() {
  const me = useMe();
  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <PageHeader title="Account" description={me.data ? `${me.data.name} · ${me.data.email}` : undefined} />
      <ChangePasswordCard identity={me.data ? { email: me.data.email, name: me.data.name } : undefined} />
      <MySessionsCard
        title="Your sessions"
        description="Devices signed in to your account right now."
        tableLabel="Your sessions"
      />
      <NotificationPreferencesCard />
    </div>
  );
}
