import {
  Alert,
  Button,
  Dialog,
  DialogContent,
  DialogFooter,
  errorMessage,
  FormField,
  firstFieldErrors,
  Input,
  toast,
  trpc,
} from '@kapas/ui';
import { type FormEvent, useState } from 'react';

export type StatusAction = 'SUSPEND' | 'REINSTATE' | 'BLACKLIST' | 'DEACTIVATE';

/** What staff may do from each state (the server's lifecycle machine decides; this only hides what would fail). */
export const ACTIONS_BY_STATUS: Record<string, StatusAction[]> = {
  ACTIVE: ['SUSPEND', 'BLACKLIST', 'DEACTIVATE'],
  SUSPENDED: ['REINSTATE', 'BLACKLIST', 'DEACTIVATE'],
  KYC_EXPIRED: ['BLACKLIST', 'DEACTIVATE'],
  PENDING_VERIFICATION: ['BLACKLIST'],
  PENDING_APPROVAL: ['BLACKLIST'],
};

export const ACTION_LABEL: Record<StatusAction, string> = {
  SUSPEND: 'Suspend',
  REINSTATE: 'Reinstate',
  BLACKLIST: 'Blacklist',
  DEACTIVATE: 'Deactivate',
};

const ACTION_HELP: Record<StatusAction, string> = {
  SUSPEND: 'Their users are signed out at once and cannot sign in until the partner is reinstated.',
  REINSTATE: 'The partner becomes active again; its users can sign in.',
  BLACKLIST: 'Final: the partner can never be reinstated. Their users are signed out at once.',
  DEACTIVATE: 'Final: the partner is closed. Their users are signed out at once.',
};

/** Asks for the mandatory reason, then changes the partner's status. */
export function StatusDialog({
  partnerId,
  action,
  onClose,
}: {
  partnerId: string;
  action: StatusAction | null;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ reason?: string; form?: string }>({});
  const utils = trpc.useUtils();
  const mutation = trpc.partners.setStatus.useMutation({
    onSuccess: (row) => {
      toast.success(`Partner is now ${row.status.toLowerCase().replace(/_/g, ' ')}`);
      void utils.partners.invalidate();
      setReason('');
      setError({});
      onClose();
    },
    onError: (e) => {
      const fields = firstFieldErrors(e);
      setError(fields.reason ? { reason: fields.reason } : { form: errorMessage(e) });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!action) return;
    if (reason.trim().length < 5) {
      setError({ reason: 'Give a reason (at least 5 characters)' });
      return;
    }
    mutation.mutate({ id: partnerId, action, reason: reason.trim() });
  };
  return (
    <Dialog open={action !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent title={action ? `${ACTION_LABEL[action]} partner` : ''} description={action ? ACTION_HELP[action] : ''}>
        <form onSubmit={submit} noValidate className="grid gap-4" data-testid="status-dialog">
          {error.form ? <Alert>{error.form}</Alert> : null}
          <FormField label="Reason" error={error.reason}>
            <Input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              data-testid="status-reason"
              autoFocus
            />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="status-confirm">
              {action ? ACTION_LABEL[action] : 'Confirm'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
