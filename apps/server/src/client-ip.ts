/**
 * The caller's address for rate limits and audit. `X-Forwarded-For` is believed only when the
 * connection comes from a configured proxy, and then only as far back as the proxies go: the
 * right-most address that is not a trusted proxy is the client (anything left of it is spoofable).
 */
export function clientIp(
  remoteAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: ReadonlySet<string>,
): string | null {
  const remote = normalize(remoteAddress);
  if (!remote || !trustedProxies.has(remote) || !forwardedFor) return remote;
  const hops = forwardedFor
    .split(',')
    .map((h) => normalize(h.trim()))
    .filter((h): h is string => !!h);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.has(hops[i]!)) return hops[i]!;
  }
  return hops[0] ?? remote;
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same client. */
function normalize(address: string | undefined): string | null {
  if (!address) return null;
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
