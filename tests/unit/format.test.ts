import { describe, expect, it } from 'vitest';
import { dotted, formatDate, formatDateTime, formatMoney, mrpToTiyn } from '@/lib/format';

// ICU uses no-break spaces for grouping; compare with plain spaces so the test reads clearly.
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('whole tenge without decimals, grouped, with ₸', () => {
    expect(plain(formatMoney(86_500, 'ru'))).toBe('865 ₸');
    expect(plain(formatMoney(123_456_700, 'ru'))).toBe('1 234 567 ₸');
    expect(plain(formatMoney(123_456_700, 'kk'))).toBe('1 234 567 ₸');
    expect(plain(formatMoney(0, 'kk'))).toBe('0 ₸');
  });

  it('tiyn shown with two decimals', () => {
    expect(plain(formatMoney(1_250, 'ru'))).toBe('12,50 ₸');
    expect(plain(formatMoney(1_205, 'kk'))).toBe('12,05 ₸');
    expect(plain(formatMoney(1, 'ru'))).toBe('0,01 ₸');
  });

  it('bigint stays exact beyond double precision', () => {
    expect(plain(formatMoney(900_719_925_474_099_301n, 'ru'))).toBe('9 007 199 254 740 993,01 ₸');
    expect(plain(formatMoney(-1_250n, 'ru'))).toBe('-12,50 ₸');
    expect(plain(formatMoney(-100n, 'ru'))).toBe('-1 ₸');
  });

  it('refuses fractional tiyn', () => {
    expect(() => formatMoney(12.5, 'ru')).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, 'ru')).toThrow(RangeError);
  });
});

describe('mrpToTiyn (fees as thousandths of an MRP, SPEC §8)', () => {
  it('ID card duty 0.2 MRP', () => {
    expect(mrpToTiyn(200, 4_325)).toBe(86_500); // 2026: 865 ₸
    expect(mrpToTiyn(200, 3_932)).toBe(78_600); // 2025: 786.4 → 786 ₸
  });

  it('rounds to whole tenge, half up', () => {
    expect(mrpToTiyn(250, 4_325)).toBe(108_100); // 1081.25 → 1081
    expect(mrpToTiyn(1_250, 4_325)).toBe(540_600); // 5406.25 → 5406
    expect(mrpToTiyn(100, 4_325)).toBe(43_300); // 432.5 → 433
    expect(mrpToTiyn(2_800, 4_325)).toBe(1_211_000); // 12 110
    expect(mrpToTiyn(1, 4_325)).toBe(400); // 4.325 → 4
    expect(mrpToTiyn(0, 4_325)).toBe(0);
  });

  it('refuses non-integer inputs', () => {
    expect(() => mrpToTiyn(0.2, 4_325)).toThrow(RangeError);
    expect(() => mrpToTiyn(200, 0)).toThrow(RangeError);
    expect(() => mrpToTiyn(-200, 4_325)).toThrow(RangeError);
  });
});

describe('formatDate / formatDateTime (Asia/Almaty)', () => {
  it('a plain date is shown as that calendar day', () => {
    expect(formatDate('1990-01-01', 'ru')).toBe('01.01.1990');
    expect(formatDate('2024-02-29', 'kk')).toBe('29.02.2024');
    expect(() => formatDate('2026-02-30', 'ru')).toThrow(RangeError);
  });

  it('an instant is shown as its Almaty date', () => {
    expect(formatDate(new Date('2026-03-09T19:00:00Z'), 'ru')).toBe('10.03.2026');
    expect(formatDate(new Date('2026-03-09T18:59:59Z'), 'kk')).toBe('09.03.2026');
    expect(formatDate('2025-12-31T19:30:00Z', 'ru')).toBe('01.01.2026');
    expect(() => formatDate('yesterday', 'ru')).toThrow(RangeError);
  });

  it('date and time, 24-hour clock, UTC+5', () => {
    expect(plain(formatDateTime(new Date('2026-03-09T20:05:00Z'), 'ru'))).toBe('10.03.2026, 01:05');
    expect(plain(formatDateTime(new Date('2026-03-10T12:00:00Z'), 'kk'))).toBe('10.03.2026, 17:00');
    expect(plain(formatDateTime('2026-03-10T04:00:00Z', 'ru'))).toBe('10.03.2026, 09:00');
  });
});

describe('dotted: dd.mm.yyyy whatever pattern the ICU data has (browsers write kk-KZ as yyyy-mm-dd)', () => {
  it('reorders a yyyy-mm-dd locale (sv-SE stands in for the browser’s kk-KZ) and keeps a 24-hour time', () => {
    const at = new Date(Date.UTC(2026, 10, 25, 4, 5));
    const iso = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
    expect(iso.format(at)).toBe('2026-11-25');
    expect(dotted(iso, at)).toBe('25.11.2026');
    const stamp = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'UTC',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect(dotted(stamp, at)).toBe('25.11.2026, 04:05');
  });
});
