/**
 * Quality score of DOMAIN §6.4. Per specified parameter: inside the buyer's range 100, or with a
 * preferred value 100 − 50·|v − preferred| / (max − min) floored at 50; outside, the score falls
 * linearly to 0 at three range-widths (width = max(max − min, step)); missing 0. Weighted mean by
 * template weights.
 *
 * Outside the range the fall starts from the score AT the nearest bound, not from 100: with a
 * preferred value the bound may score 50, and starting from 100 would make a value just outside
 * the range beat one just inside it — breaking "moving toward the range never lowers the score".
 */
import type { ParameterDeviation, QualityRange, TemplateParameter } from './match-types';

/** A buyer range joined with its template entry once per trade, so scoring allocates nothing. */
export type PreparedRange = {
  name: string;
  min: number;
  max: number;
  preferred: number | null;
  width: number;
  weight: number;
};

export function prepareRanges(ranges: readonly QualityRange[], template: readonly TemplateParameter[]): PreparedRange[] {
  return ranges.map((r) => {
    const t = template.find((p) => p.name === r.name);
    // A range on a parameter the template does not know still counts, with weight 1 and no step.
    const step = t?.step ?? 0;
    return {
      name: r.name,
      min: r.min,
      max: r.max,
      preferred: r.preferred ?? null,
      width: Math.max(r.max - r.min, step),
      weight: t?.weight ?? 1,
    };
  });
}

function insideScore(v: number, r: PreparedRange): number {
  if (r.preferred === null || r.max === r.min) return 100;
  return Math.max(50, 100 - (50 * Math.abs(v - r.preferred)) / (r.max - r.min));
}

/** 0–100 for one parameter; `value` null or undefined when the seller did not report it. */
export function parameterScore(value: number | null | undefined, r: PreparedRange): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return 0;
  if (value >= r.min && value <= r.max) return insideScore(value, r);
  const bound = value < r.min ? r.min : r.max;
  if (r.width <= 0) return 0;
  const fall = 1 - Math.abs(value - bound) / (3 * r.width);
  return fall <= 0 ? 0 : insideScore(bound, r) * fall;
}

/** Weighted mean of the parameter scores; a trade that specifies no parameter accepts any quality. */
export function qualityScore(
  values: Readonly<Record<string, number | null | undefined>>,
  ranges: readonly PreparedRange[],
): number {
  let sum = 0;
  let weights = 0;
  for (const r of ranges) {
    sum += r.weight * parameterScore(values[r.name], r);
    weights += r.weight;
  }
  return weights > 0 ? sum / weights : 100;
}

export function parameterDeviation(raw: number | null | undefined, r: PreparedRange): ParameterDeviation {
  const value = raw === null || raw === undefined || !Number.isFinite(raw) ? null : raw;
  return {
    name: r.name,
    value,
    min: r.min,
    max: r.max,
    preferred: r.preferred,
    outside: value === null ? null : value < r.min ? value - r.min : value > r.max ? value - r.max : 0,
    fromPreferred: value === null || r.preferred === null ? null : Math.abs(value - r.preferred),
    weight: r.weight,
    score: parameterScore(value, r),
  };
}

/** Deviations and the weighted quality score in one pass (the scoring hot path). */
export function qualityWithDeviations(
  values: Readonly<Record<string, number | null | undefined>>,
  ranges: readonly PreparedRange[],
): { quality: number; parameters: ParameterDeviation[] } {
  const parameters: ParameterDeviation[] = new Array(ranges.length);
  let sum = 0;
  let weights = 0;
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    const d = parameterDeviation(values[r.name], r);
    parameters[i] = d;
    sum += r.weight * d.score;
    weights += r.weight;
  }
  return { quality: weights > 0 ? sum / weights : 100, parameters };
}
