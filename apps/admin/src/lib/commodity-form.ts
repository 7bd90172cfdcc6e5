import type { RouterInputs, RouterOutputs } from '@kapas/api';
import { z } from 'zod';

type Commodity = RouterOutputs['masters']['commodity'];
type Parameter = Commodity['qualityTemplate'][number];
export type CommodityInput = RouterInputs['masters']['createCommodity'];

const optionalNumber = z
  .string()
  .trim()
  .refine((v) => v === '' || Number.isFinite(Number(v)), 'Enter a number');
const requiredNumber = z
  .string()
  .trim()
  .min(1, 'Required')
  .refine((v) => Number.isFinite(Number(v)), 'Enter a number');

/** The same rules as the API's commodity schema, over the strings the inputs hold. */
export const parameterFormSchema = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lowercase letters, digits and underscores'),
    label: z.string().trim().min(1, 'Label is required').max(60),
    unit: z.string().trim().max(20),
    kind: z.enum(['numeric', 'grade']),
    min: optionalNumber,
    max: optionalNumber,
    step: optionalNumber.refine((v) => v === '' || Number(v) > 0, 'Step must be above 0'),
    weight: requiredNumber.refine((v) => Number(v) >= 0 && Number(v) <= 10, 'Weight is 0 to 10'),
    mandatory: z.boolean(),
    grades: z.string(),
  })
  .superRefine((p, ctx) => {
    if (p.min !== '' && p.max !== '' && Number(p.min) > Number(p.max)) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'Max must be at least min' });
    }
  });

export const commodityFormSchema = z.object({
  code: z
    .string()
    .trim()
    .min(2, 'Code needs at least 2 characters')
    .max(32, 'Code can have at most 32 characters')
    .regex(/^[A-Z0-9_]+$/, 'Use capital letters, digits and underscores'),
  name: z.string().trim().min(2, 'Name needs at least 2 characters').max(80),
  hsnCode: z
    .string()
    .trim()
    .regex(/^\d{4,8}$/, 'HSN code is 4 to 8 digits'),
  gstRate: requiredNumber.refine((v) => Number(v) >= 0 && Number(v) <= 28, 'GST rate is 0 to 28 %'),
  tradeUnit: z.string().trim().min(1, 'Required').max(20),
  rateUnit: z.string().trim().min(1, 'Required').max(20),
  qualityTemplate: z.array(parameterFormSchema).max(40),
});

export type CommodityForm = z.infer<typeof commodityFormSchema>;
export type ParameterForm = CommodityForm['qualityTemplate'][number];

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const num = (s: string) => (s.trim() === '' ? null : Number(s));

export const emptyParameter: ParameterForm = {
  name: '',
  label: '',
  unit: '',
  kind: 'numeric',
  min: '',
  max: '',
  step: '',
  weight: '1',
  mandatory: false,
  grades: '',
};

export const emptyCommodity: CommodityForm = {
  code: '',
  name: '',
  hsnCode: '',
  gstRate: '5',
  tradeUnit: 'Bales',
  rateUnit: 'Candy',
  qualityTemplate: [],
};

export function toForm(c: Commodity): CommodityForm {
  return {
    code: c.code,
    name: c.name,
    hsnCode: c.hsnCode,
    gstRate: String(Number(c.gstRate)),
    tradeUnit: c.tradeUnit,
    rateUnit: c.rateUnit,
    qualityTemplate: c.qualityTemplate.map(
      (p: Parameter): ParameterForm => ({
        name: p.name,
        label: p.label,
        unit: p.unit,
        kind: p.kind,
        min: str(p.min),
        max: str(p.max),
        step: str(p.step),
        weight: String(p.weight),
        mandatory: p.mandatory,
        grades: (p.grades ?? []).join(', '),
      }),
    ),
  };
}

export function toInput(f: CommodityForm): CommodityInput {
  return {
    code: f.code.trim(),
    name: f.name.trim(),
    hsnCode: f.hsnCode.trim(),
    gstRate: Number(f.gstRate),
    tradeUnit: f.tradeUnit.trim(),
    rateUnit: f.rateUnit.trim(),
    qualityTemplate: f.qualityTemplate.map((p) => {
      const grades = p.grades
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean);
      return {
        name: p.name.trim(),
        label: p.label.trim(),
        unit: p.unit.trim(),
        kind: p.kind,
        min: num(p.min),
        max: num(p.max),
        step: num(p.step),
        weight: Number(p.weight),
        mandatory: p.mandatory,
        ...(p.kind === 'grade' ? { grades } : {}),
      };
    }),
  };
}

const TOP_FIELDS = new Set(['code', 'name', 'hsnCode', 'gstRate', 'tradeUnit', 'rateUnit']);
const PARAM_FIELDS = new Set(['name', 'label', 'unit', 'kind', 'min', 'max', 'step', 'weight', 'mandatory', 'grades']);

/** Whether an API field-error path is one the form shows next to a field. */
export function isCommodityFormPath(path: string): boolean {
  if (TOP_FIELDS.has(path)) return true;
  const match = /^qualityTemplate\.(\d+)\.([a-zA-Z]+)(?:\.\d+)?$/.exec(path);
  return match !== null && PARAM_FIELDS.has(match[2] ?? '');
}

/** `qualityTemplate.1.grades.3` → `qualityTemplate.1.grades` (the form holds grades as one string). */
export function normalizeCommodityPath(path: string): string {
  return path.replace(/^(qualityTemplate\.\d+\.grades)\.\d+$/, '$1');
}
