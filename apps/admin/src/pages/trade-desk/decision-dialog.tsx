import { ConfirmDialog, contractValue, formatBales, formatInr, formatPricePerCandy, ReasonField } from '@kapas/ui';
import { useState } from 'react';

/**
 * A decision as it was when staff opened the dialog: the version and terms they saw. A live update
 * while the dialog is open does not change what is sent; if the offer moved on, the server answers
 * STALE_VERSION and nothing happens.
 */
export type Decision = { kind: 'ACCEPT' | 'REJECT' | 'WITHDRAW'; version: number; price: string; quantity: string };

const CONFIRM_LABEL: Record<Decision['kind'], string> = {
  ACCEPT: 'Accept offer',
  REJECT: 'Reject offer',
  WITHDRAW: 'Withdraw offer',
};

/** Asks before accepting (binding), rejecting or withdrawing on a party's behalf; reject and withdraw take a reason. */
export function DecisionDialog({
  decision,
  party,
  pending,
  onConfirm,
  onClose,
}: {
  decision: Decision | null;
  /** e.g. "Buyer Saurashtra Mills". */
  party: string;
  pending: boolean;
  onConfirm: (decision: Decision, reason: string | null) => Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  const confirm = async () => {
    if (!decision || pending) return;
    await onConfirm(decision, reason.trim() || null);
    close();
  };
  const kind = decision?.kind ?? 'ACCEPT';
  const version = decision?.version ?? 0;
  const value = decision ? contractValue(decision.quantity, decision.price) : null;
  const title =
    kind === 'ACCEPT'
      ? `Accept version ${version} for ${party}?`
      : kind === 'REJECT'
        ? `Reject version ${version} for ${party}?`
        : `Withdraw the offer (version ${version}) for ${party}?`;
  const description =
    kind === 'ACCEPT' && decision
      ? `${formatBales(decision.quantity)} at ${formatPricePerCandy(decision.price)}${value ? `, value ${formatInr(value)}` : ''}. Acceptance is binding: a contract is created at once.`
      : kind === 'REJECT'
        ? 'The negotiation ends; both parties are told.'
        : 'The negotiation ends and the buyer is told. Reserved lot bales are released.';

  return (
    <ConfirmDialog
      open={decision !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      title={title}
      description={description}
      confirmLabel={CONFIRM_LABEL[kind]}
      destructive={kind !== 'ACCEPT'}
      pending={pending}
      onConfirm={() => void confirm()}
    >
      {kind === 'ACCEPT' ? null : (
        <ReasonField
          value={reason}
          onChange={setReason}
          onEnter={() => void confirm()}
          maxLength={1000}
          label="Reason (optional, the other party sees it)"
        />
      )}
    </ConfirmDialog>
  );
}
