import type { RouterOutputs } from '@kapas/api';
import { Alert, Button, Card, errorCode, errorMessage, firstFieldErrors, humanizeState, toast, trpc } from '@kapas/ui';
import { Save } from 'lucide-react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import type { TradeMasters } from './masters';
import { FormErrorSummary, TradeForm } from './trade-form';
import { apiErrorsToDraft, draftErrors, draftToUpdateInput, tradeToDraft } from './trade-form-model';
import { useTradeDraft } from './use-trade-draft';

type Trade = RouterOutputs['trades']['get']['trade'];

/**
 * Edits a DRAFT trade with the create form, prefilled (DOMAIN §6.1). The save names the version
 * the edit started from: if the trade moved on meanwhile (edited or posted in another tab), the
 * API answers STALE_VERSION and overwrites nothing; the form then offers to start again from the
 * latest version, which the live trade query has already fetched.
 */
export function EditTrade({ trade, masters, onClose }: { trade: Trade; masters: TradeMasters; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [base, setBase] = useState(trade);
  const { draft, setDraft, errors, setErrors, onChange, refuse, formRef } = useTradeDraft(() => tradeToDraft(trade));
  const [formError, setFormError] = useState<string | null>(null);
  /** The API refused a save because the trade moved on (STALE_VERSION); the latest is on its way. */
  const [refused, setRefused] = useState(false);
  const update = trpc.trades.update.useMutation();
  const commodity = useMemo(
    () => masters.commodities.find((c) => c.id === draft.commodityId),
    [masters.commodities, draft.commodityId],
  );
  const latestLoaded = trade.version !== base.version;
  const movedOn = refused || latestLoaded;

  // Straight into the first field: the Edit button that opened the form is gone.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, [formRef]);

  const restart = () => {
    setBase(trade);
    setDraft(tradeToDraft(trade));
    setErrors({});
    setFormError(null);
    setRefused(false);
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const local = draftErrors(draft, commodity);
    if (Object.keys(local).length) {
      refuse(local);
      return;
    }
    const input = draftToUpdateInput(draft, commodity, masters.stations, base);
    update.mutate(input, {
      onSuccess: (saved) => {
        // The detail shows the saved terms at once; the names the update does not return are kept.
        utils.trades.get.setData({ id: saved.id }, (old) =>
          old ? { ...old, trade: { ...saved, commodityName: old.trade.commodityName, buyerName: old.trade.buyerName } } : old,
        );
        void utils.trades.invalidate();
        toast.success(`Draft ${saved.number} saved`);
        onClose();
      },
      onError: (error) => {
        const code = errorCode(error);
        if (code === 'STALE_VERSION' || code === 'CONFLICT') void utils.trades.get.invalidate({ id: base.id });
        if (code === 'STALE_VERSION') {
          // Said once, by the alert above the form, which offers the way out.
          setRefused(true);
          return;
        }
        const byField = apiErrorsToDraft(firstFieldErrors(error), input);
        refuse(byField);
        setFormError(Object.keys(byField).length ? null : errorMessage(error));
      },
    });
  };

  return (
    <Card className="p-5">
      <form onSubmit={save} noValidate aria-label="Edit trade" ref={formRef}>
        {movedOn ? (
          <Alert className="mb-4 flex flex-wrap items-center justify-between gap-3" data-testid="trade-moved-on">
            {trade.status === 'DRAFT'
              ? `This trade was changed elsewhere since you started editing${refused ? '; your changes were not saved' : ''}.`
              : `This trade is now ${humanizeState(trade.status).toLowerCase()}; it can no longer be edited.`}
            {trade.status === 'DRAFT' && latestLoaded ? (
              <Button type="button" size="sm" variant="secondary" onClick={restart}>
                Start again from the latest version
              </Button>
            ) : null}
          </Alert>
        ) : null}
        <TradeForm draft={draft} onChange={onChange} masters={masters} commodity={commodity} errors={errors} />
        {formError ? <Alert className="mt-4">{formError}</Alert> : null}
        <FormErrorSummary errors={errors} />
        <div className="mt-6 flex justify-end gap-3">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={trade.status !== 'DRAFT'}>
            <Save aria-hidden />
            Save changes
          </Button>
        </div>
      </form>
    </Card>
  );
}
