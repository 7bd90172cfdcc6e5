import { ConfirmDialog, ReasonField } from '@kapas/ui';
import { type ReactNode, useEffect, useState } from 'react';

/**
 * Asks before ending something (cancel a trade, withdraw an offer) with an optional reason. The
 * caller owns `open`, so it may close at once or only once the server agreed; the reason is
 * cleared whenever the dialog closes, so it never carries over to the next time.
 */
export function ReasonDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  maxLength,
  pending,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  maxLength: number;
  pending?: boolean;
  onConfirm: (reason: string | null) => void;
}) {
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (!open) setReason('');
  }, [open]);
  const confirm = () => onConfirm(reason.trim() || null);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      pending={pending ?? false}
      onConfirm={confirm}
    >
      <ReasonField value={reason} onChange={setReason} onEnter={confirm} maxLength={maxLength} />
    </ConfirmDialog>
  );
}
