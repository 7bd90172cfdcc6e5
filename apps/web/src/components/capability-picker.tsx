import { Checkbox } from '@kapas/ui';
import { useId } from 'react';
import { capabilityLabel } from '../lib/capabilities';

/** A fieldset of checkboxes, one per capability the user may hand on. */
export function CapabilityPicker({
  legend,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  options: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}) {
  const base = useId();
  const errorId = `${base}-error`;
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      {options.length === 0 ? <p className="text-sm text-slate-500">You have no permissions to hand on.</p> : null}
      <div className="grid gap-1.5 sm:grid-cols-2">
        {options.map((capability) => {
          const id = `${base}-${capability}`;
          return (
            <label key={capability} htmlFor={id} className="flex items-start gap-2 text-sm text-slate-700">
              <Checkbox
                id={id}
                className="mt-0.5"
                checked={value.includes(capability)}
                onChange={(e) => onChange(e.target.checked ? [...value, capability] : value.filter((c) => c !== capability))}
              />
              <span>
                {capabilityLabel(capability)}
                <span className="block font-mono text-[11px] text-slate-400">{capability}</span>
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-600" data-testid="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
