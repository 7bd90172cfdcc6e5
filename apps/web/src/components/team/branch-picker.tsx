import { Checkbox, trpc } from '@kapas/ui';
import { useId } from 'react';

/**
 * The company's active branches a sub-user may act for. Nothing ticked means every branch
 * (including branches added later); the server checks each id belongs to this partner.
 */
export function BranchPicker({
  value,
  onChange,
  error,
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}) {
  const base = useId();
  const company = trpc.company.get.useQuery(undefined, { staleTime: 60_000 });
  const branches = (company.data?.branches ?? []).filter((b) => b.active || value.includes(b.id));
  return (
    <fieldset className="grid gap-2" data-testid="branch-picker" aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">Branches</legend>
      {company.isPending ? <p className="text-sm text-slate-500">Loading branches…</p> : null}
      {company.isError ? <p className="text-sm text-red-600">Could not load your branches.</p> : null}
      {company.isSuccess && branches.length === 0 ? (
        <p className="text-sm text-slate-500">
          Your company has no branches on record; the sub-user works for the whole company.
        </p>
      ) : null}
      {branches.length > 0 ? <p className="text-xs text-slate-500">Leave all unticked to allow every branch.</p> : null}
      <div className="grid gap-1.5 sm:grid-cols-2">
        {branches.map((b) => {
          const id = `${base}-${b.id}`;
          return (
            <label key={b.id} htmlFor={id} className="flex items-start gap-2 text-sm text-slate-700">
              <Checkbox
                id={id}
                className="mt-0.5"
                checked={value.includes(b.id)}
                onChange={(e) => onChange(e.target.checked ? [...value, b.id] : value.filter((x) => x !== b.id))}
              />
              <span>
                {b.name}
                <span className="block font-mono text-[11px] text-slate-400">
                  {b.code} · {b.city}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p role="alert" className="text-xs font-medium text-red-600" data-testid="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
