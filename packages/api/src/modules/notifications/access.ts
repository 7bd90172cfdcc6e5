import type { AccessRule } from '../../authorization';

const SELF: AccessRule = { access: 'signedIn', tenant: 'self' };

/** Who may call each procedure of this module (see authorization.ts): everyone, for their own notifications only. */
export const NOTIFICATIONS_ACCESS: Record<string, AccessRule> = {
  'notifications.list': SELF,
  'notifications.unreadCount': SELF,
  'notifications.markRead': SELF,
  'notifications.markAllRead': SELF,
  'notifications.preferences': SELF,
  'notifications.setPreference': SELF,
  'notifications.onEvent': SELF,
};
