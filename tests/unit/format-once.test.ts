// Issue 16: a table formats a date per cell; the formatter behind it is made once per process, not per call.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, formatMoney } from '@/lib/format';

afterEach(() => vi.restoreAllMocks());

describe('formatters are made once', () => {
  it('a hundred dates, stamps and sums build at most one formatter of each kind per locale', () => {
    const dates = vi.spyOn(Intl, 'DateTimeFormat');
    const numbers = vi.spyOn(Intl, 'NumberFormat');
    const out: string[] = [];
    for (let i = 0; i < 100; i++) {
      out.push(formatDate('2026-03-0' + (1 + (i % 9)), 'kk'), formatDateTime(new Date(Date.UTC(2026, 0, 1, i % 24)), 'ru'));
      out.push(formatMoney(100 * i, 'kk'), formatMoney(100 * i + 50, 'kk'));
    }
    // date (UTC), stamp; money whole and with tiyn: each made at most once, however many cells.
    expect(dates.mock.calls.length).toBeLessThanOrEqual(2);
    expect(numbers.mock.calls.length).toBeLessThanOrEqual(2);
    expect(out[0]).toBe('01.03.2026');
    expect(out.some((s) => /^0,50\s₸$/u.test(s))).toBe(true);
  });
});
