import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogContent,
  DialogFooter,
  errorMessage,
  FormField,
  Input,
  Select,
  toast,
  trpc,
} from '@kapas/ui';
import { useState } from 'react';

export type NotifyKind = 'forceMatch' | 'inviteSeller';

/**
 * Force-match (tell chosen sellers about a trade as a match) or invite a seller even outside the
 * trade's location (DOMAIN §6.6). Sellers are picked from active SELLER / TRADER partners.
 */
export function NotifySellersDialog({
  trade,
  kind,
  onClose,
}: {
  trade: { id: string; number: string };
  kind: NotifyKind;
  onClose: () => void;
}) {
  const [q, setQ] = useState('');
  const [type, setType] = useState<'SELLER' | 'TRADER'>('SELLER');
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState('');
  const partners = trpc.partners.list.useQuery({
    page: 1,
    pageSize: 20,
    status: 'ACTIVE',
    businessType: type,
    ...(q ? { q } : {}),
  });
  const utils = trpc.useUtils();
  const options = {
    onSuccess: (r: { notified: number }) => {
      toast.success(`${r.notified} seller${r.notified === 1 ? '' : 's'} told about ${trade.number}`);
      void utils.tradeDesk.invalidate();
      onClose();
    },
  };
  const forceMatch = trpc.tradeDesk.forceMatch.useMutation(options);
  const invite = trpc.tradeDesk.inviteSeller.useMutation(options);
  const mutation = kind === 'forceMatch' ? forceMatch : invite;
  const title = kind === 'forceMatch' ? `Force-match ${trade.number}` : `Invite sellers to ${trade.number}`;

  const toggle = (id: string, name: string) =>
    setChosen((prev) => {
      const next = new Map(prev);
      if (next.has(id)) next.delete(id);
      else next.set(id, name);
      return next;
    });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={title}
        description={
          kind === 'forceMatch'
            ? 'The chosen sellers are notified as a match, with their score.'
            : 'The chosen sellers are invited even outside the trade’s location.'
        }
      >
        <div className="grid gap-3">
          <div className="flex gap-2">
            <Input
              aria-label="Search partners"
              placeholder="Search by name, number, GSTIN…"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <Select
              aria-label="Partner type"
              value={type}
              onChange={(e) => setType(e.target.value as 'SELLER' | 'TRADER')}
              className="w-32"
            >
              <option value="SELLER">Sellers</option>
              <option value="TRADER">Traders</option>
            </Select>
          </div>
          <ul
            className="max-h-60 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200"
            aria-label="Partners"
          >
            {(partners.data?.items ?? []).map((p) => {
              const name = p.tradeName ?? p.legalName;
              return (
                <li key={p.id} className="flex items-center gap-2 px-3 py-2 text-sm">
                  <Checkbox id={`seller-${p.id}`} checked={chosen.has(p.id)} onChange={() => toggle(p.id, name)} />
                  <label htmlFor={`seller-${p.id}`} className="flex-1">
                    {name} <span className="text-xs text-slate-400">{p.number}</span>
                  </label>
                </li>
              );
            })}
            {partners.data?.items.length === 0 ? (
              <li className="px-3 py-2 text-sm text-slate-500">No active partners found</li>
            ) : null}
          </ul>
          {chosen.size ? (
            <div className="flex flex-wrap gap-1">
              {[...chosen].map(([id, name]) => (
                <Badge key={id} tone="brand">
                  {name}
                </Badge>
              ))}
            </div>
          ) : null}
          <FormField label="Message (optional)">
            <Input maxLength={500} value={message} onChange={(e) => setMessage(e.target.value)} />
          </FormField>
          {mutation.error ? <Alert>{errorMessage(mutation.error)}</Alert> : null}
        </div>
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={chosen.size === 0}
            loading={mutation.isPending}
            onClick={() =>
              mutation.mutate({ tradeId: trade.id, sellerPartnerIds: [...chosen.keys()], message: message.trim() || null })
            }
          >
            {kind === 'forceMatch' ? 'Notify as match' : 'Send invitation'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
