// The client's IP for the audit log and rate limits, from a trusted-proxy setting (issue 14): with
// QYZMET_TRUSTED_PROXY_HOPS=N the portal sits behind N proxies that each append the address they saw to
// X-Forwarded-For, so the client is the N-th entry from the right; anything to its left was written by the client and
// proves nothing. With 0 (the default) the header is ignored. Pure: the header and the hop count are passed in.

const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]{2,45})$/;

export function clientIpFrom(forwardedFor: string | null | undefined, trustedHops: number): string | null {
  if (!forwardedFor || trustedHops < 1) return null;
  const hops = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = hops[hops.length - trustedHops];
  return ip && IP.test(ip) ? ip : null;
}
