import { NotificationsList, PageHeader } from '@kapas/ui';
import { useNavigate } from '@tanstack/react-router';

export function NotificationsPage() {
  const navigate = useNavigate();
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <PageHeader
        title="Notifications"
        description="Everything that happened that concerns you. Email preferences are on your account page."
      />
      <NotificationsList onOpen={(link) => void navigate({ href: link })} />
    </div>
  );
}
