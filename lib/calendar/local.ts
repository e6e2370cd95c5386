// Local dates of the portal: Asia/Almaty, a fixed UTC+5 with no daylight saving since 1 Mar 2024 (SPEC §8),
// so offset arithmetic is exact and needs no tzdata. A server runs in UTC: from 19:00 UTC on 31 December it
// is already the next year in Almaty, which is the year of an application number and of the MRP.
// Pure: no database, no Intl.

const HOUR = 3_600_000;
export const ALMATY_OFFSET_MS = 5 * HOUR;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local (Almaty) calendar date of an instant, `YYYY-MM-DD`. */
export function localDate(at: Date = new Date()): string {
  return new Date(at.getTime() + ALMATY_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local (Almaty) date and time of an instant to the minute, `YYYY-MM-DD HH:MM`: a stamp on a printed document. */
export function localDateTime(at: Date): string {
  return new Date(at.getTime() + ALMATY_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The local (Almaty) year of an instant: application numbers and the MRP year. */
export function localYear(at: Date = new Date()): number {
  return new Date(at.getTime() + ALMATY_OFFSET_MS).getUTCFullYear();
}

/**
 * A `YYYY-MM-DD` as UTC midnight of that calendar day (a date, not an instant: differences stay whole days on
 * any server TZ). Impossible dates such as 2026-02-30 are refused, not rolled over to 2 March.
 */
export function parseLocalDate(s: string): Date {
  const m = ISO_DATE.exec(s);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${s}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== s) throw new RangeError(`Not a real date: ${s}`);
  return d;
}

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(s: string): boolean {
  try {
    parseLocalDate(s);
    return true;
  } catch {
    return false;
  }
}

/** The instant local midnight of a `YYYY-MM-DD` begins (a "from" filter); throws on an impossible date. */
export function localDayStart(s: string): Date {
  return new Date(parseLocalDate(s).getTime() - ALMATY_OFFSET_MS);
}
