// IINs never travel in URLs (issue 14): staff searches carry an opaque, expiring, authenticated token instead.
import { describe, expect, it } from 'vitest';
import { openQuery, sealQuery } from '@/lib/http/sealed-query';

const SECRET = 'a-test-secret-of-enough-length-0123456789';

describe('sealed search queries', () => {
  it('round-trips, and the token shows nothing of the IIN', () => {
    const token = sealQuery('900101300126', SECRET);
    expect(token).not.toContain('900101300126');
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain('900101');
    expect(token).toMatch(/^[\w-]+$/);
    expect(openQuery(token, SECRET)).toBe('900101300126');
  });
  it('two seals of one query differ (no lookup table of IIN → token)', () => {
    expect(sealQuery('900101300126', SECRET)).not.toBe(sealQuery('900101300126', SECRET));
  });
  it('refuses a forged, truncated, foreign or expired token', () => {
    const now = Date.now();
    const token = sealQuery('900101300126', SECRET, now);
    const flipped = token.slice(0, -2) + (token.endsWith('A') ? 'B' : 'A') + token.slice(-1);
    expect(openQuery(flipped, SECRET)).toBeNull();
    expect(openQuery(token.slice(0, 20), SECRET)).toBeNull();
    expect(openQuery(token, 'another-secret-of-enough-length-987654321')).toBeNull();
    expect(openQuery(token, SECRET, now + 61 * 60_000)).toBeNull();
    expect(openQuery(token, SECRET, now + 59 * 60_000)).toBe('900101300126');
    expect(openQuery('900101300126', SECRET)).toBeNull();
    expect(openQuery(undefined, SECRET)).toBeNull();
    expect(openQuery('%%%', SECRET)).toBeNull();
  });
});
