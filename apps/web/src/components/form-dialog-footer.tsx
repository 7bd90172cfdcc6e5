import { Button, DialogClose, DialogFooter } from '@kapas/ui';

/** "Cancel" (closes the dialog) and the form's submit button, which shows progress while `pending`. */
export function FormDialogFooter({ submitLabel, pending }: { submitLabel: string; pending: boolean }) {
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button variant="secondary" type="button">
          Cancel
        </Button>
      </DialogClose>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </DialogFooter>
  );
}
