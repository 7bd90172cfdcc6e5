import { DEFAULT_SETTINGS } from '@kapas/db';
import { describe, expect, it } from 'vitest';
import { SETTING_DEFINITIONS, settingValueError } from './definitions';

describe('setting definitions', () => {
  it('accept every seeded default', () => {
    for (const d of SETTING_DEFINITIONS) {
      expect(settingValueError(d, DEFAULT_SETTINGS[d.key]), d.key).toBeNull();
    }
  });

  it('refuse values that would weaken the policy below DOMAIN §5 or have the wrong type', () => {
    const min = SETTING_DEFINITIONS.find((d) => d.key === 'password.minLength')!;
    expect(settingValueError(min, 8)).toBe('Enter a number from 12 to 64');
    expect(settingValueError(min, 12.5)).toBe('Enter a whole number');
    const otp = SETTING_DEFINITIONS.find((d) => d.key === 'auth.partnerOtp')!;
    expect(settingValueError(otp, 'yes')).toBe('Choose on or off');
  });
});
