/** "What will change": a payload's `{ field: { from, to } }` entries as rows, anything else as key/value. */
type Change = { field: string; from: unknown; to: unknown };

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}

/** Finds from→to pairs at the top level or one level down (e.g. `payload.changes.gstin`). */
export function changesOf(payload: Record<string, unknown>): { changes: Change[]; other: Array<[string, unknown]> } {
  const changes: Change[] = [];
  const other: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(payload)) {
    if (isChange(value)) changes.push({ field: key, from: value.from, to: value.to });
    else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).some(isChange)) {
      for (const [sub, v] of Object.entries(value)) {
        if (isChange(v)) changes.push({ field: sub, from: v.from, to: v.to });
        else other.push([`${key}.${sub}`, v]);
      }
    } else other.push([key, value]);
  }
  return { changes, other };
}

const show = (v: unknown): string =>
  v === null || v === undefined || v === ''
    ? '—'
    : typeof v === 'string'
      ? v
      : Array.isArray(v)
        ? v.join(', ')
        : JSON.stringify(v);

export function ChangesTable({ payload }: { payload: Record<string, unknown> }) {
  const { changes, other } = changesOf(payload);
  return (
    <div className="grid gap-3">
      {changes.length ? (
        <table className="w-full text-left text-sm" aria-label="What will change" data-testid="approval-changes">
          <thead className="text-xs text-slate-500 uppercase">
            <tr>
              <th className="py-1 pr-3">Field</th>
              <th className="py-1 pr-3">From</th>
              <th className="py-1">To</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {changes.map((c) => (
              <tr key={c.field}>
                <td className="py-1.5 pr-3 font-medium text-slate-700">{c.field}</td>
                <td className="py-1.5 pr-3 text-slate-500 line-through decoration-slate-300">{show(c.from)}</td>
                <td className="py-1.5 font-medium text-slate-900">{show(c.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-500">No field-by-field changes in this request.</p>
      )}
      {other.length ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs text-slate-600">
          {other.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium">{k}</dt>
              <dd className="break-all">{show(v)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
