// The supervisor's statistics (issue 17) as pure functions over rows already loaded: no database, so every boundary
// (an even count, one value, a stage nobody reached, a 17:00 receipt) is unit-tested.
import { addDays, type WorkCalendar } from '@/lib/calendar/deadline';
import { localDate, localDayStart } from '@/lib/calendar/local';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// SPEC §2.6: working hours 09:00–18:00 local time on a working day.
const OPEN = 9 * HOUR;
const CLOSE = 18 * HOUR;

/**
 * Nearest-rank percentile (the smallest value with at least p% of the values at or below it): always one of the
 * values, so a hand count over a list gives the same answer. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError('percentile: p must be in (0, 100]');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Local midnight of a local date, as an instant. */
const localMidnight = (date: string) => localDayStart(date).getTime();

/** Working milliseconds between two instants: only 09:00–18:00 of working days count (0 when `to` ≤ `from`). */
export function workingMs(from: Date, to: Date, calendar: WorkCalendar): number {
  const end = to.getTime();
  let total = 0;
  for (let day = localDate(from); localMidnight(day) < end; day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    const open = Math.max(localMidnight(day) + OPEN, from.getTime());
    const close = Math.min(localMidnight(day) + CLOSE, end);
    if (close > open) total += close - open;
  }
  return total;
}

/** The funnel: how many applications reached each stage of the path (a later stage implies the earlier ones). */
export function funnel<S extends string>(path: readonly S[], reached: readonly (number | null)[]): { stage: S; n: number }[] {
  return path.map((stage, i) => ({ stage, n: reached.filter((r) => r != null && r >= i).length }));
}

/** The furthest stage of the path a history reached, or null when it never entered the path. */
export function furthestStage(path: readonly string[], history: readonly string[]): number | null {
  let furthest: number | null = null;
  for (const s of history) {
    const i = path.indexOf(s);
    if (i >= 0 && (furthest === null || i > furthest)) furthest = i;
  }
  return furthest;
}

/** Share decided by the deadline (a decision exactly at the deadline is in time); null when nothing had one. */
export function compliance(rows: readonly { decidedAt: Date | null; deadlineAt: Date | null }[]) {
  const due = rows.filter((r): r is { decidedAt: Date; deadlineAt: Date } => r.decidedAt !== null && r.deadlineAt !== null);
  const inTime = due.filter((r) => r.decidedAt.getTime() <= r.deadlineAt.getTime()).length;
  return { decided: due.length, inTime, late: due.length - inTime, share: due.length ? inTime / due.length : null };
}

/** Monday (local date) of the week an instant falls in: the trend's buckets. */
export function weekOf(at: Date): string {
  const day = localDate(at);
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Every Monday from the week of `from` to the week of `to`, so a week with nothing in it still shows as 0. */
export function weeksBetween(from: string, to: string): string[] {
  const first = weekOf(new Date(localMidnight(from)));
  const weeks: string[] = [];
  for (let w = first; w <= to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** Milliseconds → working hours with one decimal, for the tables. */
export const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR) * 10) / 10);

export { DAY, HOUR };
