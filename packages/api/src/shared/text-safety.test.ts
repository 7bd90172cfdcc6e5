import { describe, expect, it } from 'vitest';
import { unstorableTextPath } from './text-safety';

describe('unstorableTextPath', () => {
  it('finds NUL and lone surrogates wherever they are', () => {
    expect(unstorableTextPath({ name: 'a\u0000b' })).toBe('input.name');
    expect(unstorableTextPath({ list: [{ note: 'x\ud800' }] })).toBe('input.list.0.note');
    expect(unstorableTextPath({ list: ['\udc00y'] })).toBe('input.list.0');
    expect(unstorableTextPath({ 'k\u0000': 1 })).toBe('input');
  });

  it('accepts ordinary text, emoji (a proper surrogate pair) and non-strings', () => {
    expect(unstorableTextPath({ name: 'Shankar-6 😀 ₹52,000', n: 5, ok: true, none: null })).toBeNull();
    expect(unstorableTextPath(undefined)).toBeNull();
  });
});
