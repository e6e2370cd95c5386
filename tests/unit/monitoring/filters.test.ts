import { describe, expect, it } from 'vitest';
import { filterQuery, parseFilter } from '@/lib/monitoring/filters';

describe('the supervisor’s GET filters', () => {
  it('fills in a pilot and the last 28 days (today included) when nothing is given', () => {
    const f = parseFilter({});
    expect(f.success && f.data.pilot).toBe('vehicle');
    if (f.success) expect(Date.parse(f.data.to) - Date.parse(f.data.from)).toBe(27 * 86_400_000);
  });
  it('takes the first of repeated parameters, and an empty region as all regions', () => {
    const f = parseFilter({ pilot: ['machinery', 'vehicle'], region: '', from: '2026-01-01', to: '2026-01-31' });
    expect(f.success && f.data).toEqual({ pilot: 'machinery', region: undefined, from: '2026-01-01', to: '2026-01-31' });
  });
  it('refuses an unknown pilot, a malformed region and an impossible date', () => {
    expect(parseFilter({ pilot: 'tax' }).success).toBe(false);
    expect(parseFilter({ region: "01' or 1=1" }).success).toBe(false);
    expect(parseFilter({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
  });
  it('a one-day period is fine, a reversed one is not; a year (366 days) is the longest', () => {
    expect(parseFilter({ from: '2026-03-01', to: '2026-03-01' }).success).toBe(true);
    expect(parseFilter({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(parseFilter({ from: '2025-03-01', to: '2026-03-02' }).success).toBe(true);
    expect(parseFilter({ from: '2025-03-01', to: '2026-03-03' }).success).toBe(false);
  });
  it('round-trips through the query string of the page’s links', () => {
    const f = parseFilter({ pilot: 'residence', region: '09', from: '2026-01-01', to: '2026-01-31' });
    if (!f.success) throw new Error('parse');
    expect(parseFilter(Object.fromEntries(new URLSearchParams(filterQuery(f.data)))).data).toEqual(f.data);
  });
});
