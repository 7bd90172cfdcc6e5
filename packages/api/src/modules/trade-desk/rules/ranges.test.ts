import type { QualityParameter } from '@kapas/db';
import { describe, expect, it } from 'vitest';
import { measurementErrors, rangeErrors } from './ranges';

const num = (name: string, min: number, max: number, mandatory = true): QualityParameter => ({
  name,
  label: name,
  unit: '',
  kind: 'numeric',
  min,
  max,
  step: 0.1,
  weight: 1,
  mandatory,
});
const COTTON_TEMPLATE: QualityParameter[] = [
  num('staple_length', 22, 36),
  num('micronaire', 3, 5.5),
  num('strength', 20, 35),
  num('trash', 0, 5),
  num('moisture', 0, 12),
  { ...num('colour_grade', 0, 0, false), kind: 'grade', min: null, max: null, grades: ['11-1', '21-1'] },
];

describe('rangeErrors', () => {
  it('accepts ranges inside the template bounds', () => {
    expect(rangeErrors([{ name: 'staple_length', min: 28, max: 30, preferred: 29 }], COTTON_TEMPLATE)).toEqual({});
  });
  it('names the field of every bound outside the template', () => {
    const e = rangeErrors(
      [
        { name: 'staple_length', min: 20, max: 40 },
        { name: 'micronaire', min: 4.5, max: 3.8 },
        { name: 'colour_grade', min: 1, max: 2 },
      ],
      COTTON_TEMPLATE,
    );
    expect(Object.keys(e).sort()).toEqual([
      'qualityRanges.0.max',
      'qualityRanges.0.min',
      'qualityRanges.1.min',
      'qualityRanges.2.name',
    ]);
  });
});

describe('measurementErrors', () => {
  const ok = { staple_length: 29, micronaire: 4.1, strength: 29, trash: 2, moisture: 7 };
  it('accepts complete values inside bounds', () => {
    expect(measurementErrors(ok, COTTON_TEMPLATE)).toEqual({});
  });
  it('rejects out-of-bounds, unknown and missing mandatory values', () => {
    const { moisture: _m, ...rest } = ok;
    const e = measurementErrors({ ...rest, micronaire: 6, foo: 1, colour_grade: '99' }, COTTON_TEMPLATE);
    expect(Object.keys(e).sort()).toEqual([
      'parameters.colour_grade',
      'parameters.foo',
      'parameters.micronaire',
      'parameters.moisture',
    ]);
  });
});
