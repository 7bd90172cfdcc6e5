import { SessionExpiryPrompt, useSessionEvents, useSignOut } from '@kapas/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { isPasswordChangeRequired } from '../lib/errors';

/**
 * The shared session feed (`useSessionEvents`): a "Stay signed in" prompt 5 minutes before the idle
 * timeout, and back to sign-in as soon as this session ends. On top of it, the trader app sends the
 * user to the forced change-password screen when the API asks for a new password.
 */
export function SessionWatch() {
  const { expiring, dismiss } = useSessionEvents();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useSignOut(() => void navigate({ to: '/sign-in', search: {} }));

  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'error' && isPasswordChangeRequired(event.action.error)) {
          void navigate({ to: '/change-password' });
        }
      }),
    [queryClient, navigate],
  );

  return (
    <SessionExpiryPrompt
      expiring={expiring}
      onDismiss={dismiss}
      onSignOut={() => {
        dismiss();
        signOut.mutate();
      }}
    />
  );
}
