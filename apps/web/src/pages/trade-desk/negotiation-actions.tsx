import {
  Button,
  ConfirmDialog,
  contractValue,
  FormField,
  formatBales,
  formatInr,
  formatPricePerCandy,
  Input,
  ReasonField,
  type Side,
} from '@kapas/ui';
import { type FormEvent, useState } from 'react';
import { ReasonDialog } from './reason-dialog';
import type { CounterTerms } from './use-offer-action';

const PRICE = /^\d{1,12}(\.\d{1,2})?$/;
const QTY = /^\d{1,10}(\.\d{1,3})?$/;

/** The party whose turn it is: accept, reject (with an optional reason) or counter the latest version. */
export function Respond(props: {
  side: Side;
  version: number;
  price: string;
  quantity: string;
  busy: string | null;
  onCounter: (terms: CounterTerms) => void;
  onAccept: () => void;
  onReject: (reason: string | null) => void;
}) {
  const [price, setPrice] = useState(props.price);
  const [quantity, setQuantity] = useState(props.quantity);
  const [hours, setHours] = useState('48');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirm, setConfirm] = useState<'ACCEPT' | 'REJECT' | null>(null);
  const [reason, setReason] = useState('');
  const preview = contractValue(quantity, price);
  const acceptValue = contractValue(props.quantity, props.price);

  const decide = () => {
    if (confirm === 'ACCEPT') props.onAccept();
    else if (confirm === 'REJECT') props.onReject(reason.trim() || null);
    setConfirm(null);
    setReason('');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!PRICE.test(price) || Number(price) <= 0) next.price = 'Price in ₹ per candy, above zero, at most 2 decimals';
    if (!QTY.test(quantity) || Number(quantity) <= 0) next.quantity = 'Bales above zero, at most 3 decimals';
    const h = Number.parseInt(hours, 10);
    if (!Number.isInteger(h) || h < 1 || h > 720) next.validityHours = 'Between 1 and 720 hours';
    setErrors(next);
    if (Object.keys(next).length) return;
    props.onCounter({ price, quantity, validityHours: h, message: message.trim() || null });
  };

  return (
    <div className="grid gap-4">
      <p className="text-sm font-medium text-slate-900">Your move on version {props.version}</p>
      <div className="flex gap-2">
        <Button onClick={() => setConfirm('ACCEPT')} disabled={props.busy !== null} data-testid="accept-offer">
          Accept
        </Button>
        <Button variant="secondary" onClick={() => setConfirm('REJECT')} disabled={props.busy !== null}>
          Reject
        </Button>
      </div>
      <form onSubmit={submit} className="grid gap-3 border-t border-slate-200 pt-4" aria-label="Counter-offer" noValidate>
        <p className="text-sm font-medium text-slate-900">Or counter</p>
        <div className="grid grid-cols-2 gap-3">
          <FormField label="Price (₹ per candy)" error={errors.price}>
            <Input inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
          </FormField>
          <FormField label="Quantity (bales)" error={errors.quantity}>
            <Input inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
          </FormField>
          <FormField label="Valid for (hours)" error={errors.validityHours}>
            <Input inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} />
          </FormField>
          <div className="grid content-end pb-2 text-sm text-slate-600 tabular-nums">
            {preview ? `Value ${formatInr(preview)}` : null}
          </div>
        </div>
        <FormField label="Message">
          <Input maxLength={1000} value={message} onChange={(e) => setMessage(e.target.value)} />
        </FormField>
        <Button type="submit" variant="secondary" loading={props.busy === 'COUNTER'} disabled={props.busy !== null}>
          Send counter-offer
        </Button>
      </form>
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => {
          if (open) return;
          setConfirm(null);
          setReason('');
        }}
        title={confirm === 'ACCEPT' ? 'Accept and create a binding contract?' : 'Reject this offer?'}
        description={
          confirm === 'ACCEPT'
            ? `${formatBales(props.quantity)} at ${formatPricePerCandy(props.price)}${acceptValue ? `, value ${formatInr(acceptValue)}` : ''}. Acceptance is binding.`
            : `The negotiation ends; the ${props.side === 'BUYER' ? 'seller' : 'buyer'} is told.`
        }
        confirmLabel={confirm === 'ACCEPT' ? 'Accept offer' : 'Reject offer'}
        destructive={confirm === 'REJECT'}
        onConfirm={decide}
      >
        {confirm === 'REJECT' ? <ReasonField value={reason} onChange={setReason} onEnter={decide} maxLength={1000} /> : null}
      </ConfirmDialog>
    </div>
  );
}

/** The seller may withdraw the offer while it is live, whoever's turn it is; asked first, with an optional reason. */
export function WithdrawOffer({ busy, onWithdraw }: { busy: boolean; onWithdraw: (reason: string | null) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" className="mt-3" onClick={() => setOpen(true)} disabled={busy}>
        Withdraw offer
      </Button>
      <ReasonDialog
        open={open}
        onOpenChange={setOpen}
        title="Withdraw this offer?"
        description="The negotiation ends and the buyer is told. Reserved lot bales are released."
        confirmLabel="Withdraw offer"
        maxLength={1000}
        onConfirm={(reason) => {
          onWithdraw(reason);
          setOpen(false);
        }}
      />
    </>
  );
}
