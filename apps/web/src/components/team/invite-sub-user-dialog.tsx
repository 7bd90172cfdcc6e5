import { Alert, Dialog, DialogContent, errorCode, errorMessage, FormField, Input, toast, trpc } from '@kapas/ui';
import { type FormEvent, useState } from 'react';
import { formErrors } from '../../lib/errors';
import { CapabilityPicker } from '../capability-picker';
import { FormDialogFooter } from '../form-dialog-footer';
import { BranchPicker } from './branch-picker';
import type { Capabilities } from './sub-user';

type InviteErrors = { name?: string; email?: string; mobile?: string; capabilities?: string; branchIds?: string };

/** Invites a sub-user by email with the permissions chosen here. */
export function InviteSubUserDialog({
  open,
  onOpenChange,
  options,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  options: string[];
}) {
  const utils = trpc.useUtils();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [mobile, setMobile] = useState('');
  const [capabilities, setCapabilities] = useState<string[]>(() => options.filter((c) => c.endsWith(':read')));
  const [branchIds, setBranchIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<InviteErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const reset = () => {
    setBranchIds([]);
    setName('');
    setEmail('');
    setMobile('');
    setCapabilities(options.filter((c) => c.endsWith(':read')));
    setErrors({});
    setFormError(null);
  };
  const invite = trpc.subUsers.invite.useMutation({
    onSuccess: (created) => {
      toast.success(`Invitation sent to ${created.email}`);
      void utils.subUsers.list.invalidate();
      reset();
      onOpenChange(false);
    },
    onError: (error) => {
      const { fields, form } = formErrors(error, ['name', 'email', 'mobile', 'capabilities', 'branchIds'] as const);
      setErrors(fields);
      setFormError(
        errorCode(error) === 'SUB_USER_LIMIT'
          ? `${errorMessage(error)} Deactivated sub-users do not count towards the limit.`
          : form,
      );
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found: InviteErrors = {};
    if (name.trim().length < 2) found.name = 'Enter the full name';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = 'Enter a valid email address';
    if (mobile.trim() && !/^(\+91)?[6-9]\d{9}$/.test(mobile.replace(/[\s-]/g, '')))
      found.mobile = 'Enter an Indian mobile number';
    if (capabilities.length === 0) found.capabilities = 'Choose at least one permission';
    setErrors(found);
    if (Object.keys(found).length) return;
    const phone = mobile.replace(/[\s-]/g, '');
    invite.mutate({
      name: name.trim(),
      email: email.trim(),
      ...(phone ? { mobile: phone } : {}),
      capabilities: capabilities as Capabilities,
      branchIds,
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) reset();
        onOpenChange(next);
      }}
    >
      <DialogContent title="Invite a sub-user" description="They get an email with a link to set their password (valid 7 days).">
        <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Invite a sub-user">
          {formError ? <Alert data-testid="invite-error">{formError}</Alert> : null}
          <FormField label="Full name" error={errors.name}>
            <Input name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </FormField>
          <FormField label="Email" error={errors.email}>
            <Input name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
          </FormField>
          <FormField label="Mobile (optional)" error={errors.mobile} hint="Indian mobile number, e.g. 9876543210">
            <Input name="mobile" type="tel" autoComplete="off" value={mobile} onChange={(e) => setMobile(e.target.value)} />
          </FormField>
          <CapabilityPicker
            legend="Permissions"
            options={options}
            value={capabilities}
            onChange={setCapabilities}
            error={errors.capabilities}
          />
          <BranchPicker value={branchIds} onChange={setBranchIds} error={errors.branchIds} />
          <FormDialogFooter submitLabel="Send invitation" pending={invite.isPending} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
