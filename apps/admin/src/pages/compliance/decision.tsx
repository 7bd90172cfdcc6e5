import { Button, Dialog, DialogContent, DialogFooter, FormField, firstFieldErrors, Input } from '@kapas/ui';
import { type FormEvent, useState } from 'react';

/** Notes for a verify/reject/suspend decision: required unless `optional`; API field errors shown under the field. */
export function DecisionDialog({
  title,
  confirmLabel,
  optional,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  confirmLabel: string;
  optional?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (notes: string) => void;
  onClose: () => void;
}) {
  const [notes, setNotes] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const apiError = error ? firstFieldErrors(error).notes : undefined;
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!optional && notes.trim().length < 3) {
      setLocal('Give a reason (at least 3 characters)');
      return;
    }
    onConfirm(notes.trim());
  }
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={title}>
        <form className="grid gap-3" onSubmit={submit} noValidate>
          <FormField label={optional ? 'Notes (optional)' : 'Reason'} error={local ?? apiError}>
            <Input
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              maxLength={1000}
              autoFocus
              data-testid="decision-notes"
            />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} data-testid="decision-confirm">
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
