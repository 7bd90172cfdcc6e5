import { describe, expect, it } from 'vitest';
import { clientIp } from '../src/client-ip';

const proxies = new Set(['10.0.0.2', '10.0.0.3']);

describe('clientIp', () => {
  it('ignores X-Forwarded-For from a connection that is not a trusted proxy', () => {
    expect(clientIp('203.0.113.9', '1.2.3.4', proxies)).toBe('203.0.113.9');
  });

  it('takes the right-most untrusted hop behind trusted proxies, so a forged left part does not count', () => {
    expect(clientIp('10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.3', proxies)).toBe('198.51.100.7');
  });

  it('normalises IPv4-mapped IPv6 addresses', () => {
    expect(clientIp('::ffff:10.0.0.2', '198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(clientIp('::ffff:127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
  });
});
