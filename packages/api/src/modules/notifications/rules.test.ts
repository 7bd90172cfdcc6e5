import { describe, expect, it } from 'vitest';
import { deliveryModeOf, digestLines } from './rules';

describe('notification rules', () => {
  it('defaults to INSTANT for missing or unknown preferences', () => {
    expect(deliveryModeOf(undefined)).toBe('INSTANT');
    expect(deliveryModeOf('WEEKLY')).toBe('INSTANT');
    expect(deliveryModeOf('DIGEST')).toBe('DIGEST');
    expect(deliveryModeOf('OFF')).toBe('OFF');
  });

  it('renders one entry per notification in the digest', () => {
    const text = digestLines([
      { title: 'A', body: 'first', createdAt: '2026-01-01T10:00:00.000Z' },
      { title: 'B', body: 'second', createdAt: '2026-01-01T11:30:00.000Z' },
    ]);
    expect(text).toBe('- 2026-01-01 10:00 UTC: A\n  first\n- 2026-01-01 11:30 UTC: B\n  second');
  });
});
