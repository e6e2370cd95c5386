// Review deadline of SPEC §7.3 on the working calendar of §2.6.
// Asia/Almaty is a fixed UTC+5 with no daylight saving since 1 Mar 2024 (§8), so plain
// offset arithmetic is exact for every date the portal handles and needs no Intl/tzdata.
// No database imports here: the DB-backed loader builds a StaticWorkCalendar from its rows.
import { ALMATY_OFFSET_MS as ALMATY_OFFSET, localDate, parseLocalDate } from './local';

export interface WorkCalendar {
  /** `date` is a local `YYYY-MM-DD`. Answers synchronously: the days are loaded beforehand. */
  isWorkingDay(date: string): boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WORK_START = 9 * HOUR;
// §7.3: receipts up to and including 17:00:00.000 count from themselves; 17:00:00.001 is already late.
const LAST_SAME_DAY_START = 17 * HOUR;
// A real calendar never has a year without working days; a longer run means broken data.
const MAX_SEARCH_DAYS = 366;

/** Midnight UTC of a `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30. */
const utcMidnight = (date: string) => parseLocalDate(date).getTime();

export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY).toISOString().slice(0, 10);
}

/** The local (UTC+5) calendar date of an instant; kept under its old name for its callers (lib/calendar/local.ts). */
export const toLocalDate = (d: Date): string => localDate(d);

/** Milliseconds since local midnight. */
function localTimeOfDay(d: Date): number {
  const local = d.getTime() + ALMATY_OFFSET;
  return ((local % DAY) + DAY) % DAY;
}

/** The instant at `msOfDay` local time on a local date. */
function atLocalTime(date: string, msOfDay: number): Date {
  return new Date(utcMidnight(date) + msOfDay - ALMATY_OFFSET);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, calendar: WorkCalendar): string {
  let day = date;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) return day;
  }
  throw new RangeError(`No working day within ${MAX_SEARCH_DAYS} days after ${date}`);
}

/** When the review clock starts (§7.3). */
export function reviewStart(receivedAt: Date, calendar: WorkCalendar): Date {
  const day = toLocalDate(receivedAt);
  const time = localTimeOfDay(receivedAt);
  if (calendar.isWorkingDay(day)) {
    if (time < WORK_START) return atLocalTime(day, WORK_START);
    if (time <= LAST_SAME_DAY_START) return receivedAt;
  }
  return atLocalTime(nextWorkingDay(day, calendar), WORK_START);
}

/** §7.3: the same local clock time as the start, on the next working day after the start day. */
export function reviewDeadline(receivedAt: Date, calendar: WorkCalendar): Date {
  const start = reviewStart(receivedAt, calendar);
  return atLocalTime(nextWorkingDay(toLocalDate(start), calendar), localTimeOfDay(start));
}

/** `ms` is deadline − now: negative once overdue (the UI shows its absolute value). */
export function workingTimeLeft(deadline: Date, now: Date): { overdue: boolean; ms: number } {
  const ms = deadline.getTime() - now.getTime();
  return { overdue: ms < 0, ms };
}

export interface CalendarDays {
  /** Holidays and weekdays declared non-working by decree. */
  nonWorking: string[];
  /** Saturdays/Sundays made working by a transfer decree. */
  workingOverrides: string[];
}

/** The calendar of §2.6 over days already in memory (seeded data or a DB load). */
export class StaticWorkCalendar implements WorkCalendar {
  private readonly nonWorking: ReadonlySet<string>;
  private readonly workingOverrides: ReadonlySet<string>;

  constructor(days: CalendarDays) {
    this.nonWorking = new Set(days.nonWorking);
    this.workingOverrides = new Set(days.workingOverrides);
  }

  isWorkingDay(date: string): boolean {
    // A declared non-working day is absolute; a date in both lists is a data error for the
    // admin to correct, and we would rather not invent a working day from it.
    if (this.nonWorking.has(date)) return false;
    if (this.workingOverrides.has(date)) return true;
    const weekday = new Date(utcMidnight(date)).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}
