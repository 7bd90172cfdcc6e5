import { Button, Card } from '@kapas/ui';
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { SaveButton } from './company-steps';
import { blank, CheckField, StateSelect, type StepProps, TextField } from './form-kit';
import { useStep } from './use-step';

type Contact = { name: string; designation: string; email: string; mobile: string; isPrimary: boolean };

export function ContactsStep(props: StepProps) {
  const a = props.draft.applicant;
  const initial: Contact[] = props.draft.contacts.length
    ? props.draft.contacts.map((c) => ({ ...c, designation: c.designation ?? '' }))
    : [{ name: a.name, designation: '', email: a.email, mobile: a.mobile, isPrimary: true }];
  const [contacts, setContacts] = useState(initial);
  const set = (i: number, patch: Partial<Contact>) => setContacts((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const { errors, submit } = useStep('contacts', props, () => ({
    contacts: contacts.map((c) => ({ ...c, designation: blank(c.designation) })),
  }));
  return (
    <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Contacts">
      {errors.contacts ? (
        <p role="alert" className="text-sm text-red-600">
          {errors.contacts}
        </p>
      ) : null}
      {contacts.map((c, i) => (
        <Card key={i} className="grid gap-3 p-4 sm:grid-cols-2">
          <TextField
            label="Name"
            value={c.name}
            onChange={(e) => set(i, { name: e.target.value })}
            error={errors[`contacts.${i}.name`]}
          />
          <TextField
            label="Designation (optional)"
            value={c.designation}
            onChange={(e) => set(i, { designation: e.target.value })}
          />
          <TextField
            label="Email"
            type="email"
            value={c.email}
            onChange={(e) => set(i, { email: e.target.value })}
            error={errors[`contacts.${i}.email`]}
          />
          <TextField
            label="Mobile"
            value={c.mobile}
            onChange={(e) => set(i, { mobile: e.target.value })}
            error={errors[`contacts.${i}.mobile`]}
          />
          <div className="flex items-center justify-between sm:col-span-2">
            <CheckField
              label="Primary contact"
              checked={c.isPrimary}
              onChange={(v) =>
                setContacts((cs) => cs.map((x, j) => ({ ...x, isPrimary: v ? j === i : j === i ? false : x.isPrimary })))
              }
            />
            {contacts.length > 1 ? (
              <Button type="button" variant="ghost" size="sm" onClick={() => setContacts((cs) => cs.filter((_, j) => j !== i))}>
                <Trash2 aria-hidden /> Remove
              </Button>
            ) : null}
          </div>
        </Card>
      ))}
      <div className="flex justify-between">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={contacts.length >= 10}
          onClick={() => setContacts((cs) => [...cs, { name: '', designation: '', email: '', mobile: '', isPrimary: false }])}
        >
          <Plus aria-hidden /> Add contact
        </Button>
        <SaveButton saving={props.saving} />
      </div>
    </form>
  );
}

type Branch = {
  code: string;
  name: string;
  isHeadOffice: boolean;
  gstin: string;
  stateCode: string;
  line1: string;
  city: string;
  pincode: string;
};

export function AddressesStep(props: StepProps) {
  const r = props.draft.addresses.registered;
  const [registered, setRegistered] = useState({
    line1: r?.line1 ?? '',
    line2: r?.line2 ?? '',
    city: r?.city ?? '',
    stateCode: r?.stateCode ?? props.draft.tax.gstin?.slice(0, 2) ?? '',
    pincode: r?.pincode ?? '',
  });
  const initial: Branch[] = props.draft.addresses.branches.length
    ? props.draft.addresses.branches.map((b) => ({ ...b, gstin: b.gstin ?? '' }))
    : [
        {
          code: 'HO',
          name: 'Head office',
          isHeadOffice: true,
          gstin: props.draft.tax.gstin ?? '',
          stateCode: '',
          line1: '',
          city: '',
          pincode: '',
        },
      ];
  const [branches, setBranches] = useState(initial);
  const setBranch = (i: number, patch: Partial<Branch>) =>
    setBranches((bs) => bs.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const { errors, submit } = useStep('addresses', props, () => ({
    registered: { ...registered, line2: blank(registered.line2) },
    shipTo: props.draft.addresses.shipTo.map((a) => ({ ...a })),
    branches: branches.map((b, i) => {
      // The head office usually sits at the registered address: its blanks are filled from it.
      const inherit = (k: 'line1' | 'city' | 'stateCode' | 'pincode') => b[k] || (i === 0 ? registered[k] : '');
      return {
        ...b,
        line1: inherit('line1'),
        city: inherit('city'),
        stateCode: inherit('stateCode'),
        pincode: inherit('pincode'),
        gstin: blank(b.gstin),
      };
    }),
  }));
  const reg = (k: keyof typeof registered) => ({
    value: registered[k],
    onChange: (e: { target: { value: string } }) => setRegistered((s) => ({ ...s, [k]: e.target.value })),
    error: errors[`registered.${k}`],
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-5" aria-label="Addresses and branches">
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Registered address</legend>
        <TextField label="Address line 1" {...reg('line1')} data-testid="reg-line1" />
        <TextField label="Address line 2 (optional)" {...reg('line2')} />
        <TextField label="City" {...reg('city')} data-testid="reg-city" />
        <StateSelect
          value={registered.stateCode}
          onChange={(v) => setRegistered((s) => ({ ...s, stateCode: v }))}
          error={errors['registered.stateCode']}
          testId="reg-state"
        />
        <TextField label="Pincode" inputMode="numeric" {...reg('pincode')} data-testid="reg-pincode" />
      </fieldset>
      <fieldset className="grid gap-3">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Branches</legend>
        {errors.branches ? (
          <p role="alert" className="text-sm text-red-600">
            {errors.branches}
          </p>
        ) : null}
        {branches.map((b, i) => (
          <Card key={i} className="grid gap-3 p-4 sm:grid-cols-3" data-testid={`branch-${i}`}>
            <TextField
              label="Code"
              value={b.code}
              onChange={(e) => setBranch(i, { code: e.target.value })}
              error={errors[`branches.${i}.code`]}
            />
            <TextField
              label="Name"
              value={b.name}
              onChange={(e) => setBranch(i, { name: e.target.value })}
              error={errors[`branches.${i}.name`]}
            />
            <TextField
              label="GSTIN (this state)"
              value={b.gstin}
              onChange={(e) => setBranch(i, { gstin: e.target.value })}
              error={errors[`branches.${i}.gstin`]}
              data-testid={`branch-${i}-gstin`}
            />
            <TextField
              label="Address"
              value={b.line1}
              onChange={(e) => setBranch(i, { line1: e.target.value })}
              error={errors[`branches.${i}.line1`]}
              placeholder={i === 0 ? 'Same as registered' : ''}
            />
            <TextField
              label="City"
              value={b.city}
              onChange={(e) => setBranch(i, { city: e.target.value })}
              error={errors[`branches.${i}.city`]}
              placeholder={i === 0 ? 'Same as registered' : ''}
            />
            <StateSelect
              value={b.stateCode}
              onChange={(v) => setBranch(i, { stateCode: v })}
              error={errors[`branches.${i}.stateCode`]}
            />
            <TextField
              label="Pincode"
              value={b.pincode}
              onChange={(e) => setBranch(i, { pincode: e.target.value })}
              error={errors[`branches.${i}.pincode`]}
              placeholder={i === 0 ? 'Same as registered' : ''}
            />
            <div className="flex items-center justify-between sm:col-span-2">
              <CheckField
                label="Head office"
                checked={b.isHeadOffice}
                onChange={(v) => setBranch(i, { isHeadOffice: v })}
                error={errors[`branches.${i}.isHeadOffice`]}
                testId={`branch-${i}-head`}
              />
              {branches.length > 1 ? (
                <Button type="button" variant="ghost" size="sm" onClick={() => setBranches((bs) => bs.filter((_, j) => j !== i))}>
                  <Trash2 aria-hidden /> Remove
                </Button>
              ) : null}
            </div>
          </Card>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            data-testid="add-branch"
            onClick={() =>
              setBranches((bs) => [
                ...bs,
                { code: '', name: '', isHeadOffice: false, gstin: '', stateCode: '', line1: '', city: '', pincode: '' },
              ])
            }
          >
            <Plus aria-hidden /> Add branch
          </Button>
        </div>
      </fieldset>
      <SaveButton saving={props.saving} />
    </form>
  );
}

export function ConsentsStep(props: StepProps) {
  const c = props.draft.consents;
  const [terms, setTerms] = useState(c.terms);
  const [privacy, setPrivacy] = useState(c.privacy);
  const [marketing, setMarketing] = useState(c.marketing);
  // The schema wants literal `true`; an unticked box is sent as is and refused with its message.
  const { errors, submit } = useStep('consents', props, () => ({ terms: terms as true, privacy: privacy as true, marketing }));
  return (
    <form onSubmit={submit} noValidate className="grid gap-3" aria-label="Consents">
      <CheckField
        label="I accept the Kapas terms of trade"
        checked={terms}
        onChange={setTerms}
        error={errors.terms}
        testId="consent-terms"
      />
      <CheckField
        label="I accept the privacy notice"
        checked={privacy}
        onChange={setPrivacy}
        error={errors.privacy}
        testId="consent-privacy"
      />
      <CheckField label="Send me market updates (optional)" checked={marketing} onChange={setMarketing} />
      <SaveButton saving={props.saving} />
    </form>
  );
}
