import { describe, expect, it } from 'vitest';
import { displayDate, parseDateInput } from '@/lib/i18n/date-input';

describe('parseDateInput', () => {
  it.each([
    ['31.12.2026', '2026-12-31'],
    ['1.2.2026', '2026-02-01'],
    [' 01.02.2026 ', '2026-02-01'],
    ['31/12/2026', '2026-12-31'],
    ['31-12-2026', '2026-12-31'],
    ['31122026', '2026-12-31'],
    ['2026-12-31', '2026-12-31'],
    ['29.02.2028', '2028-02-29'],
    ['01.01.1900', '1900-01-01'],
    ['31.12.2199', '2199-12-31'],
  ])('%s → %s', (text, iso) => expect(parseDateInput(text)).toBe(iso));

  it.each([
    '',
    '29.02.2026',
    '31.04.2026',
    '00.01.2026',
    '01.13.2026',
    '32.01.2026',
    '31.12.1899',
    '01.01.2200',
    '12.2026',
    '2026-1-5',
    'abc',
    '31.12.26',
  ])('refuses %j', (text) => expect(parseDateInput(text)).toBeNull());
});

describe('displayDate', () => {
  it('shows ISO as dd.mm.yyyy and anything else as typed', () => {
    expect(displayDate('2026-12-31')).toBe('31.12.2026');
    expect(displayDate('31.13.2026')).toBe('31.13.2026');
    expect(displayDate(undefined)).toBe('');
  });
});
