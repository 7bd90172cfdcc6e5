/**
 * Range and measurement checks against a commodity's quality template (DOMAIN §6.1, §6.2):
 * buyers' ranges and sellers' measured values must lie inside the template bounds. Returns field
 * errors keyed by the input path; empty when everything fits.
 */
import type { QualityParameter } from '@kapas/db';

export type FieldErrors = Record<string, string[]>;
type Range = { name: string; min: number; max: number; preferred?: number | null };

const push = (e: FieldErrors, path: string, message: string) => {
  e[path] = [...(e[path] ?? []), message];
};

export function rangeErrors(ranges: readonly Range[], template: readonly QualityParameter[]): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  ranges.forEach((r, i) => {
    const p = template.find((t) => t.name === r.name);
    const at = `qualityRanges.${i}`;
    if (p?.kind !== 'numeric') {
      push(errors, `${at}.name`, `${r.name} is not a numeric parameter of this commodity`);
      return;
    }
    if (seen.has(r.name)) push(errors, `${at}.name`, `${r.name} is given twice`);
    seen.add(r.name);
    if (r.min > r.max) push(errors, `${at}.min`, 'Minimum must not be above maximum');
    if (p.min !== null && r.min < p.min) push(errors, `${at}.min`, `${p.label} cannot be below ${p.min}`);
    if (p.max !== null && r.max > p.max) push(errors, `${at}.max`, `${p.label} cannot be above ${p.max}`);
    if (r.preferred !== null && r.preferred !== undefined && (r.preferred < r.min || r.preferred > r.max)) {
      push(errors, `${at}.preferred`, 'Preferred value must lie inside the range');
    }
  });
  return errors;
}

export function measurementErrors(
  values: Readonly<Record<string, number | string>>,
  template: readonly QualityParameter[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const [name, value] of Object.entries(values)) {
    const p = template.find((t) => t.name === name);
    const at = `parameters.${name}`;
    if (!p) {
      push(errors, at, `${name} is not a parameter of this commodity`);
      continue;
    }
    if (p.kind === 'grade') {
      if (typeof value !== 'string' || !(p.grades ?? []).includes(value))
        push(errors, at, `${p.label} must be one of ${(p.grades ?? []).join(', ')}`);
      continue;
    }
    if (typeof value !== 'number') {
      push(errors, at, `${p.label} must be a number`);
      continue;
    }
    if ((p.min !== null && value < p.min) || (p.max !== null && value > p.max)) {
      push(errors, at, `${p.label} must be between ${p.min} and ${p.max}`);
    }
  }
  for (const p of template) {
    if (p.mandatory && values[p.name] === undefined) push(errors, `parameters.${p.name}`, `${p.label} is required`);
  }
  return errors;
}
