// A search query that must not travel in a URL (an IIN: issue 14, ASVS V8 — URLs end up in logs, history and
// Referer headers) as an opaque token: AES-256-GCM under a key derived from the portal's secret, with an expiry, so
// the page can keep its GET address (back button, paging) without the IIN in it. Pure: the secret is passed in.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const TTL_MS = 60 * 60_000;
const keyOf = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'qyzmet', 'sealed-search-query', 32));

/** The query sealed for `TTL_MS`; base64url, safe in a URL. */
export function sealQuery(query: string, secret: string, now = Date.now()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify({ q: query, exp: now + TTL_MS }), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The query, or null for a token that is malformed, forged, sealed under another secret or expired. */
export function openQuery(token: string | undefined, secret: string, now = Date.now()): string | null {
  if (!token || token.length > 2048 || !/^[\w-]+$/.test(token)) return null;
  try {
    const raw = Buffer.from(token, 'base64url');
    if (raw.length < 29) return null;
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const value = JSON.parse(text) as { q?: unknown; exp?: unknown };
    if (typeof value.q !== 'string' || typeof value.exp !== 'number' || value.exp < now) return null;
    return value.q;
  } catch {
    return null;
  }
}
