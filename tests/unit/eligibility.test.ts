import { describe, expect, it } from 'vitest';
import { renewalWindow, renewalWindowDates } from '@/lib/id-card/eligibility';

describe('renewalWindow (SPEC §7.2: open when −10 ≤ expiry − today ≤ 30)', () => {
  it('boundaries within one month', () => {
    expect(renewalWindow('2026-05-31', '2026-05-01')).toBe('open'); // d = 30
    expect(renewalWindow('2026-06-01', '2026-05-01')).toBe('too_early'); // d = 31
    expect(renewalWindow('2026-05-01', '2026-05-01')).toBe('open'); // d = 0
    expect(renewalWindow('2026-05-01', '2026-05-11')).toBe('open'); // d = −10
    expect(renewalWindow('2026-05-01', '2026-05-12')).toBe('too_late'); // d = −11
  });

  it('far from the window', () => {
    expect(renewalWindow('2036-05-01', '2026-05-01')).toBe('too_early');
    expect(renewalWindow('2020-05-01', '2026-05-01')).toBe('too_late');
  });

  it('counts calendar days across a year end', () => {
    expect(renewalWindow('2026-01-30', '2025-12-31')).toBe('open'); // d = 30
    expect(renewalWindow('2026-01-31', '2025-12-31')).toBe('too_early'); // d = 31
    expect(renewalWindow('2025-12-25', '2026-01-04')).toBe('open'); // d = −10
    expect(renewalWindow('2025-12-25', '2026-01-05')).toBe('too_late'); // d = −11
  });

  it('counts February by its real length', () => {
    // 2026 (28 days): 30 Jan → 1 Mar is 30 days; 2024 (29 days): 31 Jan → 1 Mar is 30 days.
    expect(renewalWindow('2026-03-01', '2026-01-30')).toBe('open');
    expect(renewalWindow('2026-03-01', '2026-01-29')).toBe('too_early');
    expect(renewalWindow('2024-03-01', '2024-01-31')).toBe('open');
    expect(renewalWindow('2024-03-01', '2024-01-30')).toBe('too_early');
    expect(renewalWindow('2024-02-29', '2024-03-10')).toBe('open'); // d = −10
    expect(renewalWindow('2024-02-29', '2024-03-11')).toBe('too_late'); // d = −11
  });

  it('is not shifted by daylight-saving days elsewhere (UTC arithmetic)', () => {
    // 29 Mar 2026 is the EU DST switch; local-time arithmetic on a European server would see 29.96 days.
    expect(renewalWindow('2026-04-28', '2026-03-29')).toBe('open');
    expect(renewalWindow('2026-04-29', '2026-03-29')).toBe('too_early');
  });

  it('rejects malformed or impossible dates', () => {
    expect(() => renewalWindow('2026-02-30', '2026-02-01')).toThrow(RangeError);
    expect(() => renewalWindow('2026-5-1', '2026-05-01')).toThrow(RangeError);
    expect(() => renewalWindow('2026-05-01', '01.05.2026')).toThrow(RangeError);
  });
});

describe('renewalWindowDates (the first and last day online, both included)', () => {
  it('opens 30 days before the expiry and closes 10 days after it, across months and a leap day', () => {
    expect(renewalWindowDates('2026-05-31')).toEqual({ opensOn: '2026-05-01', closesOn: '2026-06-10' });
    expect(renewalWindowDates('2028-03-10')).toEqual({ opensOn: '2028-02-09', closesOn: '2028-03-20' });
    expect(renewalWindowDates('2026-12-25')).toEqual({ opensOn: '2026-11-25', closesOn: '2027-01-04' });
  });
  it('agrees with renewalWindow at both ends', () => {
    const expiry = '2026-03-15';
    const { opensOn, closesOn } = renewalWindowDates(expiry);
    expect(renewalWindow(expiry, opensOn)).toBe('open');
    expect(renewalWindow(expiry, '2026-02-12')).toBe('too_early'); // the day before opensOn
    expect(renewalWindow(expiry, closesOn)).toBe('open');
    expect(renewalWindow(expiry, '2026-03-26')).toBe('too_late'); // the day after closesOn
  });
});
