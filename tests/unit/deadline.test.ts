import { describe, expect, it } from 'vitest';
import {
  StaticWorkCalendar,
  addDays,
  nextWorkingDay,
  reviewDeadline,
  reviewStart,
  toLocalDate,
  workingTimeLeft,
  type WorkCalendar,
} from '@/lib/calendar/deadline';

// SPEC §8 non-working days, 2025 and 2026.
const KZ = new StaticWorkCalendar({
  nonWorking: [
    '2025-01-01',
    '2025-01-02',
    '2025-01-03',
    '2025-01-07',
    '2025-03-10',
    '2025-03-21',
    '2025-03-24',
    '2025-03-25',
    '2025-05-01',
    '2025-05-07',
    '2025-05-09',
    '2025-06-06',
    '2025-07-07',
    '2025-09-01',
    '2025-10-27',
    '2025-12-16',
    '2026-01-01',
    '2026-01-02',
    '2026-01-07',
    '2026-03-09',
    '2026-03-23',
    '2026-03-24',
    '2026-03-25',
    '2026-05-01',
    '2026-05-07',
    '2026-05-11',
    '2026-05-27',
    '2026-07-06',
    '2026-08-31',
    '2026-10-26',
    '2026-12-16',
  ],
  workingOverrides: [],
});

/** An instant given as Asia/Almaty wall-clock time. */
const almaty = (local: string): Date => new Date(`${local}+05:00`);
const deadline = (local: string, cal: WorkCalendar = KZ): string => reviewDeadline(almaty(local), cal).toISOString();
const iso = (local: string): string => almaty(local).toISOString();

describe('reviewDeadline (SPEC §7.3)', () => {
  // Tue 10 Mar 2026 and Wed 11 Mar 2026 are ordinary working days.
  it('before 09:00 on a working day: counts from 09:00 that day', () => {
    expect(deadline('2026-03-10T08:59:59')).toBe(iso('2026-03-11T09:00:00'));
    expect(deadline('2026-03-10T00:00:00')).toBe(iso('2026-03-11T09:00:00'));
  });

  it('from 09:00 up to and including 17:00:00: the same clock time next working day', () => {
    expect(deadline('2026-03-10T09:00:00')).toBe(iso('2026-03-11T09:00:00'));
    expect(deadline('2026-03-10T12:34:56.789')).toBe(iso('2026-03-11T12:34:56.789'));
    expect(deadline('2026-03-10T16:59:00')).toBe(iso('2026-03-11T16:59:00'));
    expect(deadline('2026-03-10T17:00:00')).toBe(iso('2026-03-11T17:00:00'));
  });

  it('after 17:00:00: counts from 09:00 of the next working day', () => {
    expect(deadline('2026-03-10T17:00:01')).toBe(iso('2026-03-12T09:00:00'));
    expect(deadline('2026-03-10T17:00:00.001')).toBe(iso('2026-03-12T09:00:00'));
    expect(deadline('2026-03-10T23:59:59')).toBe(iso('2026-03-12T09:00:00'));
    expect(reviewStart(almaty('2026-03-10T17:00:01'), KZ).toISOString()).toBe(iso('2026-03-11T09:00:00'));
  });

  it('Friday: by day to Monday; after 17:00 the count starts Monday', () => {
    expect(deadline('2026-02-13T10:00:00')).toBe(iso('2026-02-16T10:00:00'));
    expect(deadline('2026-02-13T17:30:00')).toBe(iso('2026-02-17T09:00:00'));
    expect(reviewStart(almaty('2026-02-13T17:30:00'), KZ).toISOString()).toBe(iso('2026-02-16T09:00:00'));
  });

  it('weekend receipt: starts Monday 09:00, due Tuesday 09:00', () => {
    expect(deadline('2026-02-14T10:00:00')).toBe(iso('2026-02-17T09:00:00'));
    expect(deadline('2026-02-15T08:00:00')).toBe(iso('2026-02-17T09:00:00'));
    expect(deadline('2026-02-15T23:59:59')).toBe(iso('2026-02-17T09:00:00'));
  });

  it('skips Nauryz 23–25 Mar 2026', () => {
    expect(deadline('2026-03-20T11:00:00')).toBe(iso('2026-03-26T11:00:00'));
    expect(deadline('2026-03-24T10:00:00')).toBe(iso('2026-03-27T09:00:00')); // received on a holiday
    expect(deadline('2026-03-06T15:00:00')).toBe(iso('2026-03-10T15:00:00')); // Mon 9 Mar is off
  });

  it('crosses the New Year holidays and 7 January', () => {
    expect(deadline('2025-12-31T15:00:00')).toBe(iso('2026-01-05T15:00:00'));
    expect(deadline('2025-12-31T18:00:00')).toBe(iso('2026-01-06T09:00:00'));
    expect(deadline('2026-01-06T12:00:00')).toBe(iso('2026-01-08T12:00:00'));
    expect(deadline('2026-01-06T17:00:01')).toBe(iso('2026-01-09T09:00:00'));
  });

  it('uses UTC+5 wall-clock time, not UTC', () => {
    // 03:30 UTC is 08:30 in Almaty: before opening, so the clock starts at 09:00 local (04:00 UTC).
    expect(reviewDeadline(new Date('2026-03-10T03:30:00Z'), KZ).toISOString()).toBe('2026-03-11T04:00:00.000Z');
    // 12:30 UTC is 17:30 in Almaty: already after 17:00.
    expect(reviewDeadline(new Date('2026-03-10T12:30:00Z'), KZ).toISOString()).toBe('2026-03-12T04:00:00.000Z');
    // 20:00 UTC Friday is 01:00 Saturday in Almaty.
    expect(reviewStart(new Date('2026-02-13T20:00:00Z'), KZ).toISOString()).toBe('2026-02-16T04:00:00.000Z');
  });

  it('honours a transferred working Saturday', () => {
    const cal = new StaticWorkCalendar({ nonWorking: [], workingOverrides: ['2026-02-14'] });
    expect(deadline('2026-02-13T17:30:00', cal)).toBe(iso('2026-02-16T09:00:00')); // starts Sat 09:00
    expect(deadline('2026-02-13T10:00:00', cal)).toBe(iso('2026-02-14T10:00:00'));
    expect(deadline('2026-02-14T08:00:00', cal)).toBe(iso('2026-02-16T09:00:00'));
  });
});

describe('calendar helpers', () => {
  it('toLocalDate switches at 19:00 UTC', () => {
    expect(toLocalDate(new Date('2026-03-09T18:59:59.999Z'))).toBe('2026-03-09');
    expect(toLocalDate(new Date('2026-03-09T19:00:00Z'))).toBe('2026-03-10');
    expect(toLocalDate(new Date('2025-12-31T19:00:00Z'))).toBe('2026-01-01');
  });

  it('addDays crosses month, year and 29 February', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('nextWorkingDay is strictly after the date', () => {
    expect(nextWorkingDay('2026-03-10', KZ)).toBe('2026-03-11');
    expect(nextWorkingDay('2026-03-20', KZ)).toBe('2026-03-26');
    expect(nextWorkingDay('2025-12-31', KZ)).toBe('2026-01-05');
    expect(nextWorkingDay('2026-05-08', KZ)).toBe('2026-05-12'); // Mon 11 May off
  });

  it('nextWorkingDay gives up on a calendar without working days', () => {
    expect(() => nextWorkingDay('2026-01-01', { isWorkingDay: () => false })).toThrow(RangeError);
  });

  it('StaticWorkCalendar: weekends, holidays, transfers', () => {
    const cal = new StaticWorkCalendar({ nonWorking: ['2026-03-23', '2026-03-28'], workingOverrides: ['2026-03-29', '2026-03-28'] });
    expect(cal.isWorkingDay('2026-03-20')).toBe(true); // Friday
    expect(cal.isWorkingDay('2026-03-21')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-03-22')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2026-03-23')).toBe(false); // holiday Monday
    expect(cal.isWorkingDay('2026-03-29')).toBe(true); // transferred Sunday
    expect(cal.isWorkingDay('2026-03-28')).toBe(false); // in both lists: non-working wins
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('26-03-20')).toThrow(RangeError);
  });

  it('workingTimeLeft', () => {
    const due = new Date('2026-03-11T04:00:00Z');
    expect(workingTimeLeft(due, new Date('2026-03-11T03:00:00Z'))).toEqual({ overdue: false, ms: 3_600_000 });
    expect(workingTimeLeft(due, due)).toEqual({ overdue: false, ms: 0 });
    expect(workingTimeLeft(due, new Date('2026-03-11T04:00:00.001Z'))).toEqual({ overdue: true, ms: -1 });
  });
});
