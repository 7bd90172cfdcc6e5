import { cn } from '../lib/cn';
import { formatDecimal } from './format';

export type ScoreLabel = 'Best' | 'Good' | 'Average' | 'Poor';

/** Structural copies of the matching result (DOMAIN §6.4) so this package needs nothing from the API. */
export type ScoreParts = {
  quality: number;
  price: number;
  location: number;
  terms: number;
  locationBasis?: string;
  distanceKm?: number | null;
  deliveryTermMatches?: boolean;
  paymentTermMatches?: boolean;
};
export type ParameterDeviationView = {
  name: string;
  value: number | null;
  min: number;
  max: number;
  preferred?: number | null;
  outside: number | null;
  fromPreferred?: number | null;
  weight?: number;
  score: number;
};

/** The label thresholds of DOMAIN §6.4 (settings may move them; the API's label wins when given). */
export function scoreLabel(score: number): ScoreLabel {
  return score >= 90 ? 'Best' : score >= 75 ? 'Good' : score >= 60 ? 'Average' : 'Poor';
}

const TONES: Record<ScoreLabel, string> = {
  Best: 'bg-emerald-600 text-white',
  Good: 'bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200',
  Average: 'bg-amber-50 text-amber-800 ring-1 ring-amber-200',
  Poor: 'bg-red-50 text-red-700 ring-1 ring-red-200',
};

export function ScoreBadge({ score, label, className }: { score: number; label?: string; className?: string }) {
  const name = (label as ScoreLabel | undefined) ?? scoreLabel(score);
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums',
        TONES[name] ?? TONES.Poor,
        className,
      )}
      data-testid="score-badge"
      title={`Match score ${score} of 100`}
    >
      {score}
      <span className="font-medium">{name}</span>
    </span>
  );
}

const PART_LABELS: { key: 'quality' | 'price' | 'location' | 'terms'; label: string }[] = [
  { key: 'quality', label: 'Quality' },
  { key: 'price', label: 'Price' },
  { key: 'location', label: 'Location' },
  { key: 'terms', label: 'Terms' },
];

const LOCATION_BASIS: Record<string, string> = {
  STATION: 'same station',
  REGION: 'same region',
  STATE: 'same state',
  TRADER: 'seller is a trader',
  DISTANCE: 'by distance',
  NONE: 'far away',
};

function Bar({ value }: { value: number }) {
  const width = Math.max(0, Math.min(100, value));
  return (
    <div className="h-1.5 w-full rounded-full bg-slate-100" aria-hidden>
      <div
        className={cn('h-1.5 rounded-full', width >= 75 ? 'bg-emerald-500' : width >= 60 ? 'bg-amber-500' : 'bg-red-400')}
        style={{ width: `${width}%` }}
      />
    </div>
  );
}

/** Each score component as a bar, then per-parameter deviations (value vs the buyer's range). */
export function ScoreBreakdown({
  breakdown,
  parameters = [],
  weights,
}: {
  breakdown: ScoreParts;
  parameters?: readonly ParameterDeviationView[];
  weights?: { quality: number; price: number; location: number; terms: number };
}) {
  return (
    <div className="grid gap-3 text-sm" data-testid="score-breakdown">
      <dl className="grid gap-2">
        {PART_LABELS.map(({ key, label }) => (
          <div key={key} className="grid grid-cols-[6rem_1fr_3rem] items-center gap-3">
            <dt className="text-slate-600">
              {label}
              {weights ? <span className="ml-1 text-xs text-slate-400">×{weights[key]}</span> : null}
            </dt>
            <Bar value={breakdown[key]} />
            <dd className="text-right tabular-nums text-slate-900">{Math.round(breakdown[key])}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">
        {breakdown.locationBasis ? `Location: ${LOCATION_BASIS[breakdown.locationBasis] ?? breakdown.locationBasis}` : null}
        {breakdown.distanceKm != null ? ` (${formatDecimal(Math.round(breakdown.distanceKm), { min: 0, max: 0 })} km)` : null}
        {breakdown.deliveryTermMatches !== undefined
          ? ` · delivery term ${breakdown.deliveryTermMatches ? 'matches' : 'differs'}`
          : null}
        {breakdown.paymentTermMatches !== undefined
          ? ` · payment term ${breakdown.paymentTermMatches ? 'matches' : 'differs'}`
          : null}
      </p>
      {parameters.length ? (
        <table className="w-full text-left text-xs" aria-label="Quality deviations">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 font-medium">Parameter</th>
              <th className="py-1 font-medium">Wanted</th>
              <th className="py-1 font-medium">Offered</th>
              <th className="py-1 text-right font-medium">Score</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {parameters.map((p) => (
              <tr key={p.name} data-testid={`deviation-${p.name}`}>
                <td className="py-1 text-slate-700">{p.name.replace(/_/g, ' ')}</td>
                <td className="py-1 tabular-nums text-slate-600">
                  {p.min}–{p.max}
                  {p.preferred != null ? ` (pref. ${p.preferred})` : ''}
                </td>
                <td className={cn('py-1 tabular-nums', p.outside ? 'font-medium text-red-700' : 'text-slate-900')}>
                  {p.value ?? 'missing'}
                  {p.outside ? ` (${p.outside > 0 ? '+' : ''}${Number(p.outside.toFixed(3))} outside)` : ''}
                </td>
                <td className="py-1 text-right tabular-nums">{Math.round(p.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
