import { describe, expect, it } from 'vitest';
import { anchorAgeSeconds, anchorMessage } from '@/lib/audit/anchor-message';

describe('audit anchor message', () => {
  it('names the version, the sealed position, the hash and the time in UTC', () => {
    const at = new Date('2026-03-01T10:00:00.123+05:00');
    expect(anchorMessage({ at, sealedUpTo: 42, hash: 'ab'.repeat(32) })).toBe(
      `qyzmet-audit-anchor:v1|42|${'ab'.repeat(32)}|2026-03-01T05:00:00.123Z`,
    );
  });

  it('differs when any field differs (a signature over one fits no other anchor)', () => {
    const base = { at: new Date(0), sealedUpTo: 1, hash: 'a' };
    const m = anchorMessage(base);
    expect(anchorMessage({ ...base, sealedUpTo: 2 })).not.toBe(m);
    expect(anchorMessage({ ...base, hash: 'b' })).not.toBe(m);
    expect(anchorMessage({ ...base, at: new Date(1) })).not.toBe(m);
  });

  it('ages in whole seconds, never below zero (a clock a little behind the database)', () => {
    const at = new Date('2026-03-01T00:00:00Z');
    expect(anchorAgeSeconds(at, new Date('2026-03-01T00:00:59.999Z'))).toBe(59);
    expect(anchorAgeSeconds(at, new Date('2026-03-01T00:01:00Z'))).toBe(60);
    expect(anchorAgeSeconds(at, new Date('2026-02-28T23:59:59Z'))).toBe(0);
  });
});
