import { addFieldError, type FieldErrors } from '../../errors';
import { KINDS_WITH_DAYS, type MasterKind } from './schemas';

type Parameter = {
  name: string;
  kind: 'numeric' | 'grade';
  min: number | null;
  max: number | null;
  step: number | null;
  grades?: string[] | undefined;
};

/** Checks a quality template beyond field shapes: ranges, steps, grades and unique names. */
export function templateErrors(template: Parameter[]): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: string, message: string) => addFieldError(errors, path, message);
  const seen = new Set<string>();
  template.forEach((p, i) => {
    const at = `qualityTemplate.${i}`;
    if (seen.has(p.name)) add(`${at}.name`, `"${p.name}" appears more than once`);
    seen.add(p.name);
    if (p.kind === 'numeric') {
      if (p.min === null) add(`${at}.min`, 'A numeric parameter needs a minimum');
      if (p.max === null) add(`${at}.max`, 'A numeric parameter needs a maximum');
      if (p.min !== null && p.max !== null && p.min >= p.max) add(`${at}.max`, 'Maximum must be above minimum');
      if (p.step === null) add(`${at}.step`, 'A numeric parameter needs a step');
      if (p.step !== null && p.min !== null && p.max !== null && p.step > p.max - p.min) {
        add(`${at}.step`, 'Step cannot be larger than the range');
      }
    } else if (!p.grades?.length) {
      add(`${at}.grades`, 'A grade parameter needs at least one grade');
    } else if (new Set(p.grades).size !== p.grades.length) {
      add(`${at}.grades`, 'Grades must be unique');
    }
  });
  return errors;
}

/** Days are required for delivery and payment terms and meaningless for the other lists. */
export function itemErrors(kind: MasterKind, days: number | null): FieldErrors {
  const needsDays = KINDS_WITH_DAYS.includes(kind);
  if (needsDays && days === null) return { days: ['Enter the number of days for this term'] };
  if (!needsDays && days !== null) return { days: ['Only delivery and payment terms have days'] };
  return {};
}
