import { describe, expect, it } from 'vitest';
import { DEFAULT_DRAFT_TTL_DAYS, draftExpired, draftTtlDays } from '@/lib/id-card/draft-expiry-rules';

const at = (s: string) => new Date(s);

describe('ID-card draft expiry', () => {
  it('expires at exactly the TTL, not a second before', () => {
    const touched = at('2026-03-01T10:00:00Z');
    expect(draftExpired(touched, at('2026-03-08T09:59:59Z'), 7)).toBe(false);
    expect(draftExpired(touched, at('2026-03-08T10:00:00Z'), 7)).toBe(true);
    expect(draftExpired(touched, at('2026-03-02T10:00:00Z'), 1)).toBe(true);
  });
  it('reads the pilot parameter, falling back to the default for anything but a positive whole number', () => {
    expect(DEFAULT_DRAFT_TTL_DAYS).toBe(7);
    expect(draftTtlDays({ draftTtlDays: 3 })).toBe(3);
    expect(draftTtlDays({ draftTtlDays: '14' })).toBe(14);
    for (const bad of [undefined, null, {}, { draftTtlDays: 0 }, { draftTtlDays: -2 }, { draftTtlDays: 1.5 }, { draftTtlDays: 'x' }])
      expect(draftTtlDays(bad as Record<string, unknown> | null | undefined)).toBe(7);
  });
});
