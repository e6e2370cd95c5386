import { describe, expect, it } from 'vitest';
import { StaticWorkCalendar } from '@/lib/calendar/deadline';
import { pilotFigures } from '@/lib/monitoring/pilots';
import { compliance, funnel, furthestStage, median, percentile, weekOf, weeksBetween, workingMs } from '@/lib/monitoring/stats';
import { summarize, type CohortRow } from '@/lib/monitoring/summary';

// 2026-03-23..25 are holidays (SPEC §8); 2026-03-20 is a Friday.
const calendar = new StaticWorkCalendar({ nonWorking: ['2026-03-23', '2026-03-24', '2026-03-25'], workingOverrides: ['2026-03-28'] });
const at = (local: string) => new Date(`${local}+05:00`);
const H = 3_600_000;

describe('percentile (nearest rank)', () => {
  it('is null for no values and the value itself for one', () => {
    expect(median([])).toBeNull();
    expect(percentile([7], 90)).toBe(7);
  });
  it('takes the lower middle of an even count and never interpolates', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([1, 2, 3])).toBe(2);
  });
  it('p90 of ten values is the ninth, of eleven the tenth', () => {
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile([...ten, 11], 90)).toBe(10);
  });
  it('refuses p outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('workingMs: 09:00–18:00 of working days', () => {
  it('counts within one day and clips to opening hours', () => {
    expect(workingMs(at('2026-03-19T10:00:00'), at('2026-03-19T12:30:00'), calendar)).toBe(2.5 * H);
    expect(workingMs(at('2026-03-19T07:00:00'), at('2026-03-19T20:00:00'), calendar)).toBe(9 * H);
  });
  it('a receipt after 17:00 decided next morning: one hour then, one hour next day', () => {
    expect(workingMs(at('2026-03-19T17:00:00'), at('2026-03-20T10:00:00'), calendar)).toBe(2 * H);
  });
  it('skips weekends and holidays, counts a transferred Saturday', () => {
    // Fri 17:00 → Thu 26 Mar 10:00: Fri 1 h, Sat 28 is later, Mon–Wed holidays, Thu 1 h.
    expect(workingMs(at('2026-03-20T17:00:00'), at('2026-03-26T10:00:00'), calendar)).toBe(2 * H);
    expect(workingMs(at('2026-03-28T09:00:00'), at('2026-03-28T18:00:00'), calendar)).toBe(9 * H);
  });
  it('is zero for an empty or reversed span', () => {
    expect(workingMs(at('2026-03-19T10:00:00'), at('2026-03-19T10:00:00'), calendar)).toBe(0);
    expect(workingMs(at('2026-03-19T12:00:00'), at('2026-03-19T10:00:00'), calendar)).toBe(0);
  });
});

describe('funnel and stages', () => {
  const path = ['a', 'b', 'c'] as const;
  it('a later stage counts for every earlier one; never entering counts for none', () => {
    expect(funnel(path, [0, 2, 1, null, 2])).toEqual([
      { stage: 'a', n: 4 },
      { stage: 'b', n: 3 },
      { stage: 'c', n: 2 },
    ]);
  });
  it('furthest stage ignores states off the path', () => {
    expect(furthestStage(path, ['a', 'x', 'b'])).toBe(1);
    expect(furthestStage(path, ['refused'])).toBeNull();
  });
});

describe('compliance', () => {
  it('a decision exactly at the deadline is in time, a millisecond later is late; undecided is not counted', () => {
    const d = at('2026-03-20T10:00:00');
    expect(
      compliance([
        { decidedAt: d, deadlineAt: d },
        { decidedAt: new Date(d.getTime() + 1), deadlineAt: d },
        { decidedAt: null, deadlineAt: d },
        { decidedAt: d, deadlineAt: null },
      ]),
    ).toEqual({ decided: 2, inTime: 1, late: 1, share: 0.5 });
    expect(compliance([]).share).toBeNull();
  });
});

describe('weeks', () => {
  it('Monday of the local week: Sunday 23:30 local is still that week, Monday 00:10 local the next', () => {
    expect(weekOf(at('2026-03-22T23:30:00'))).toBe('2026-03-16');
    expect(weekOf(at('2026-03-23T00:10:00'))).toBe('2026-03-23');
    expect(weeksBetween('2026-03-18', '2026-03-30')).toEqual(['2026-03-16', '2026-03-23', '2026-03-30']);
  });
});

describe('summarize', () => {
  const row = (r: Partial<CohortRow>): CohortRow => ({
    createdAt: at('2026-03-19T09:00:00'),
    submittedAt: null,
    decidedAt: null,
    issuedAt: null,
    deadlineAt: null,
    reach: 0,
    refusal: null,
    segment: null,
    ...r,
  });
  it('counts, durations from submission, refusals by reason, segments and weekly trend', () => {
    const s = summarize(
      [
        row({
          submittedAt: at('2026-03-19T10:00:00'),
          decidedAt: at('2026-03-19T12:00:00'),
          issuedAt: at('2026-03-20T10:00:00'),
          reach: 3,
          segment: 'con',
        }),
        row({
          submittedAt: at('2026-03-19T10:00:00'),
          decidedAt: at('2026-03-19T11:00:00'),
          reach: 1,
          refusal: 'refuse|x',
          segment: 'con',
        }),
        row({ reach: 0 }),
      ],
      pilotFigures.machinery,
      calendar,
      { from: '2026-03-16', to: '2026-03-22' },
    );
    expect(s.counts).toEqual({ started: 3, submitted: 2, decided: 2, issued: 1 });
    expect(s.toDecision).toEqual({ n: 2, median: 1 * H, p90: 2 * H });
    expect(s.toIssue).toEqual({ n: 1, median: 9 * H, p90: 9 * H });
    expect(s.refusals).toEqual([{ key: 'refuse|x', n: 1 }]);
    expect(s.segments).toEqual([
      { segment: 'online', n: 0 },
      { segment: 'con', n: 2 },
    ]);
    expect(s.weeks).toEqual([{ week: '2026-03-16', started: 3, decided: 2 }]);
    expect(s.funnel.map((x) => x.n)).toEqual([3, 2, 1, 1]);
  });
});
