import {
  Alert,
  Button,
  Card,
  ErrorState,
  errorMessage,
  firstFieldErrors,
  LoadingState,
  PageHeader,
  toast,
  trpc,
} from '@kapas/ui';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Send } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTradeMasters } from './masters';
import { QuickEntryBox } from './quick-entry-box';
import { FormErrorSummary, TradeForm } from './trade-form';
import {
  apiErrorsToDraft,
  applyQuickEntry,
  draftErrors,
  draftToInput,
  EMPTY_DRAFT,
  missingFieldId,
  missingLabel,
  type QuickEntryResult,
} from './trade-form-model';
import { useTradeDraft } from './use-trade-draft';

export function CreateTradePage() {
  const search = useSearch({ from: '/app/trade-desk/trades/new' });
  const navigate = useNavigate();
  const masters = useTradeMasters();
  const utils = trpc.useUtils();
  const { draft, setDraft, errors, setErrors, onChange, refuse, formRef } = useTradeDraft(() => EMPTY_DRAFT);
  const [formError, setFormError] = useState<string | null>(null);
  const create = trpc.trades.create.useMutation();
  const commodity = useMemo(
    () => masters.commodities.find((c) => c.id === draft.commodityId),
    [masters.commodities, draft.commodityId],
  );

  if (masters.isPending) return <LoadingState />;
  if (masters.error) return <ErrorState error={masters.error} onRetry={masters.refetch} />;

  const parse = async (sentence: string): Promise<QuickEntryResult> => {
    const result = await utils.trades.parseQuickEntry.fetch({ sentence });
    setDraft((d) => applyQuickEntry(d, result, masters));
    setErrors({});
    return result;
  };

  /** Missing fields judged against the form after the parse (a field already chosen is not missing). */
  const missing = (result: QuickEntryResult) => {
    const filled = applyQuickEntry(draft, result, masters);
    const c = masters.commodities.find((x) => x.id === filled.commodityId);
    const live = draftErrors(filled, c);
    const keys = new Set(result.missing);
    for (const p of c?.qualityTemplate ?? []) if (p.mandatory && live[`range.${p.name}.min`]) keys.add(`parameter:${p.name}`);
    if (live.commodityId) keys.add('commodity');
    if (live.deliveryStationId) keys.add('deliveryLocation');
    if (live.deliveryTermId) keys.add('deliveryTerm');
    if (live.paymentTermId) keys.add('paymentTerm');
    return [...keys]
      .filter((k) => {
        if (k === 'variety') return !filled.varietyId;
        if (k === 'quantity') return !filled.quantity;
        if (k.startsWith('parameter:')) return Boolean(live[`range.${k.slice(10)}.min`]);
        return Boolean(live[missingFieldId(k)]);
      })
      .map((k) => ({ key: k, label: missingLabel(k, c) }));
  };

  const submit = (post: boolean) => {
    setFormError(null);
    const local = draftErrors(draft, commodity);
    if (Object.keys(local).length) {
      refuse(local);
      return;
    }
    const input = draftToInput(draft, commodity, masters.stations, post);
    create.mutate(input, {
      onSuccess: (trade) => {
        toast.success(post ? `Trade ${trade.number} posted` : `Draft ${trade.number} saved`);
        void utils.trades.invalidate();
        void navigate({ to: '/trade-desk/trades/$id', params: { id: trade.id } });
      },
      onError: (error) => {
        const byField = apiErrorsToDraft(firstFieldErrors(error), input);
        refuse(byField);
        setFormError(Object.keys(byField).length ? null : errorMessage(error));
      },
    });
  };

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title="New trade"
        description="Type what you need in one sentence, or fill the form. Prices are in ₹ per candy; quantities in bales."
      />
      <Card className="mb-6 p-5">
        <QuickEntryBox onParse={parse} initial={search.q ?? ''} missing={missing} />
      </Card>
      <Card className="p-5">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit(true);
          }}
          noValidate
          aria-label="Trade"
          ref={formRef}
        >
          <TradeForm draft={draft} onChange={onChange} masters={masters} commodity={commodity} errors={errors} />
          {formError ? <Alert className="mt-4">{formError}</Alert> : null}
          <FormErrorSummary errors={errors} />
          <div className="mt-6 flex justify-end gap-3">
            <Button type="button" variant="secondary" onClick={() => submit(false)} disabled={create.isPending}>
              Save draft
            </Button>
            <Button type="submit" loading={create.isPending}>
              <Send aria-hidden />
              Post trade
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
