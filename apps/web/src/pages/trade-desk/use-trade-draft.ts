/**
 * The trade form's state, shared by the create and edit pages: the draft, its field errors, and
 * focus moved to the first invalid field whenever a save is refused, so keyboard and screen-reader
 * users land on what needs fixing (the browser's own checks or the API's field errors alike).
 */
import { useEffect, useRef, useState } from 'react';
import type { TradeDraft } from './trade-form-model';

export function useTradeDraft(initial: () => TradeDraft) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  /** Applies a change; a field the user touches loses its stale error (a range row: all of its errors). */
  const onChange = (patch: Partial<TradeDraft>) => {
    const touched = new Set<string>(Object.keys(patch));
    for (const [name, range] of Object.entries(patch.ranges ?? {}))
      if (range !== draft.ranges[name]) touched.add(`range.${name}`);
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(next))
        if (touched.has(key) || touched.has(key.split('.').slice(0, 2).join('.'))) delete next[key];
      return next;
    });
  };

  /** Shows why a save was refused and focuses the first field concerned. */
  const refuse = (next: Record<string, string>) => {
    setErrors(next);
    setRefusals((n) => n + 1);
  };

  return { draft, setDraft, errors, setErrors, onChange, refuse, formRef };
}
