// Online ID-card renewal window of SPEC §5 and §7.2.
import { parseLocalDate } from '@/lib/calendar/local';

export type RenewalWindow = 'too_early' | 'open' | 'too_late';

// §7.2: open from 30 days before expiry until 10 days after it, both ends included.
const OPEN_BEFORE_DAYS = 30;
const OPEN_AFTER_DAYS = 10;
const DAY_MS = 86_400_000;

/** Days since the epoch of a local `YYYY-MM-DD`. UTC midnights keep the difference whole on any server TZ. */
function dayNumber(date: string): number {
  return parseLocalDate(date).getTime() / DAY_MS;
}

/** Both dates are Asia/Almaty calendar dates; d = expiry − today in calendar days. */
export function renewalWindow(expiry: string, today: string): RenewalWindow {
  const d = dayNumber(expiry) - dayNumber(today);
  if (d > OPEN_BEFORE_DAYS) return 'too_early';
  if (d < -OPEN_AFTER_DAYS) return 'too_late';
  return 'open';
}

/**
 * The first day the online renewal opens for a card expiring on `expiry` (30 days before it, the window's own
 * rule): what a "too early" citizen is told (issue 15: "you can apply online from <date>"). Local `YYYY-MM-DD`.
 */
export function renewalOpensOn(expiry: string): string {
  return new Date((dayNumber(expiry) - OPEN_BEFORE_DAYS) * DAY_MS).toISOString().slice(0, 10);
}

/** The "too early" message's parameter: the opening day, `dd.mm.yyyy` (one date format in both languages). */
export function tooEarlyParams(expiry: string): { from: string } {
  const [y, m, d] = renewalOpensOn(expiry).split('-');
  return { from: `${d}.${m}.${y}` };
}

/** Local `YYYY-MM-DD` `days` after `date` (negative: before). */
function addDays(date: string, days: number): string {
  return new Date(parseLocalDate(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first and the last day a card expiring on `expiry` may be renewed online (both included, §7.2). */
export function renewalWindowDates(expiry: string): { opensOn: string; closesOn: string } {
  return { opensOn: addDays(expiry, -OPEN_BEFORE_DAYS), closesOn: addDays(expiry, OPEN_AFTER_DAYS) };
}
