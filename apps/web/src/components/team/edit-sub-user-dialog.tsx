import { Alert, Dialog, DialogContent, FormField, Input, toast, trpc } from '@kapas/ui';
import { type FormEvent, useState } from 'react';
import { formErrors } from '../../lib/errors';
import { CapabilityPicker } from '../capability-picker';
import { FormDialogFooter } from '../form-dialog-footer';
import { BranchPicker } from './branch-picker';
import type { Capabilities, SubUser } from './sub-user';

/** Renames a sub-user and changes their permissions. */
export function EditSubUserDialog({ user, options, onClose }: { user: SubUser; options: string[]; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [name, setName] = useState(user.name);
  // Permissions the primary user lost since are kept visible so they can be removed.
  const all = [...new Set([...options, ...user.capabilities])];
  const [capabilities, setCapabilities] = useState<string[]>(user.capabilities);
  const [branchIds, setBranchIds] = useState<string[]>(user.branchIds ?? []);
  const [errors, setErrors] = useState<{ name?: string; capabilities?: string; branchIds?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const update = trpc.subUsers.update.useMutation({
    onSuccess: () => {
      toast.success('Permissions saved; they apply at once');
      void utils.subUsers.list.invalidate();
      onClose();
    },
    onError: (error) => {
      const { fields, form } = formErrors(error, ['name', 'capabilities', 'branchIds'] as const);
      setErrors(fields);
      setFormError(form);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found: { name?: string; capabilities?: string } = {};
    if (name.trim().length < 2) found.name = 'Enter the full name';
    if (capabilities.length === 0) found.capabilities = 'Choose at least one permission';
    setErrors(found);
    if (Object.keys(found).length) return;
    update.mutate({ userId: user.id, name: name.trim(), capabilities: capabilities as Capabilities, branchIds });
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={`Edit ${user.name}`} description={user.email}>
        <form onSubmit={submit} noValidate className="grid gap-4" aria-label={`Edit ${user.name}`}>
          {formError ? <Alert>{formError}</Alert> : null}
          <FormField label="Full name" error={errors.name}>
            <Input name="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </FormField>
          <CapabilityPicker
            legend="Permissions"
            options={all}
            value={capabilities}
            onChange={setCapabilities}
            error={errors.capabilities}
          />
          <BranchPicker value={branchIds} onChange={setBranchIds} error={errors.branchIds} />
          <FormDialogFooter submitLabel="Save changes" pending={update.isPending} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
