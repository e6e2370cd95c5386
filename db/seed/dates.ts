// Date helpers for demo data. Dates are `YYYY-MM-DD` strings in Asia/Almaty (SPEC §2.6: UTC+5).
import { localDate, parseLocalDate } from '../../lib/calendar/local';

/** Today's date in Asia/Almaty. */
export const almatyToday = (now: Date = new Date()): string => localDate(now);

const parse = parseLocalDate;

function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + n);
  return format(d);
}

/** Same day n years later; 29 Feb becomes 28 Feb in a common year. */
export function addYears(day: string, n: number): string {
  const d = parse(day);
  const year = d.getUTCFullYear() + n;
  const month = d.getUTCMonth();
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), last))));
}

export function yearOf(day: string): number {
  return parse(day).getUTCFullYear();
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/**
 * An ID card valid for 10 years (SPEC §8) that expires on `expiresOn`:
 * issued on the day after the same date ten years earlier.
 */
export function cardIssuedFor(expiresOn: string): string {
  return addDays(addYears(expiresOn, -10), 1);
}

export function cardExpiryFor(issuedOn: string): string {
  return addDays(addYears(issuedOn, 10), -1);
}
