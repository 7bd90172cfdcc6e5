export { NotificationBell, type NotificationBellProps } from './notification-bell';
export { NotificationItem, type NotificationRow } from './notification-item';
export { NotificationsList } from './notifications-list';
export { NotificationPreferencesCard } from './preferences-card';
export { useNotificationsLive } from './use-notifications-live';
