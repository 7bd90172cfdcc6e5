import { Button, Dialog, DialogContent, DialogFooter, FieldError, Label } from '@kapas/ui';
import { useEffect, useId, useState } from 'react';

export type Decision = 'APPROVE' | 'REJECT';

/** Asks for the note of a decision; a rejection needs a reason (the server says so too). */
export function DecisionDialog({
  open,
  decision,
  count,
  pending,
  serverError,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  decision: Decision;
  count: number;
  pending: boolean;
  serverError?: string | undefined;
  onCancel: () => void;
  onConfirm: (note: string) => void;
}) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  useEffect(() => {
    if (open) {
      setNote('');
      setError(null);
    }
  }, [open]);
  const what = count === 1 ? 'this request' : `${count} requests`;
  return (
    <Dialog open={open} onOpenChange={(o) => (o ? undefined : onCancel())}>
      <DialogContent
        title={decision === 'APPROVE' ? `Approve ${what}` : `Reject ${what}`}
        description={decision === 'APPROVE' ? 'Their changes are applied at once.' : 'The requester is told the reason.'}
        data-testid="decision-dialog"
      >
        <form
          className="grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (decision === 'REJECT' && !note.trim()) {
              setError('A reason is required to reject');
              return;
            }
            onConfirm(note.trim());
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor={id}>{decision === 'REJECT' ? 'Reason' : 'Note (optional)'}</Label>
            <textarea
              id={id}
              className="min-h-20 rounded-md border border-slate-300 px-3 py-2 text-sm focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
              value={note}
              maxLength={1000}
              onChange={(e) => setNote(e.target.value)}
              aria-invalid={error || serverError ? true : undefined}
              data-testid="decision-note"
            />
            <FieldError message={error ?? serverError} />
          </div>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={decision === 'REJECT' ? 'destructive' : 'default'}
              loading={pending}
              data-testid="decision-confirm"
            >
              {decision === 'APPROVE' ? 'Approve' : 'Reject'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
