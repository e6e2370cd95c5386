// Local dates (lib/calendar/local.ts): Asia/Almaty is UTC+5, so the year and the day turn at 19:00 UTC.
import { describe, expect, it } from 'vitest';
import { isLocalDate, localDate, localDateTime, localDayStart, localYear, parseLocalDate } from '@/lib/calendar/local';

describe('local dates', () => {
  it('31 December 19:30 UTC is already next year in Almaty; 18:59 UTC is not', () => {
    expect(localYear(new Date('2026-12-31T19:30:00Z'))).toBe(2027);
    expect(localDate(new Date('2026-12-31T19:30:00Z'))).toBe('2027-01-01');
    expect(localYear(new Date('2026-12-31T18:59:59.999Z'))).toBe(2026);
    expect(localDate(new Date('2026-12-31T18:59:59.999Z'))).toBe('2026-12-31');
    expect(localYear(new Date('2027-01-01T00:00:00+05:00'))).toBe(2027);
  });

  it('parses a real YYYY-MM-DD as its UTC midnight', () => {
    expect(parseLocalDate('2028-02-29').toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(isLocalDate('2026-12-31')).toBe(true);
  });

  it('refuses impossible and malformed dates instead of rolling them over', () => {
    for (const bad of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-04-31', '2026-1-01', '2026-01-01T00:00:00Z', '']) {
      expect(() => parseLocalDate(bad)).toThrow(RangeError);
      expect(isLocalDate(bad)).toBe(false);
    }
  });

  it('a local day starts at 19:00 UTC the day before', () => {
    expect(localDayStart('2026-01-01').toISOString()).toBe('2025-12-31T19:00:00.000Z');
    expect(() => localDayStart('2026-02-30')).toThrow(RangeError);
  });

  it('a printed stamp is the Almaty date and time to the minute, across midnight and the year end', () => {
    expect(localDateTime(new Date('2026-12-31T18:59:59Z'))).toBe('2026-12-31 23:59');
    expect(localDateTime(new Date('2026-12-31T19:00:00Z'))).toBe('2027-01-01 00:00');
  });
});
