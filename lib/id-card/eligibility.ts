// Online ID-card renewal window of SPEC §5 and §7.2.

export type RenewalWindow = 'too_early' | 'open' | 'too_late';

// §7.2: open from 30 days before expiry until 10 days after it, both ends included.
const OPEN_BEFORE_DAYS = 30;
const OPEN_AFTER_DAYS = 10;
const DAY_MS = 86_400_000;

/** Days since the epoch of a local `YYYY-MM-DD`. UTC midnights keep the difference whole on any server TZ. */
function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(t).toISOString().slice(0, 10) !== date) throw new RangeError(`Not a real date: ${date}`);
  return t / DAY_MS;
}

/** Both dates are Asia/Almaty calendar dates; d = expiry − today in calendar days. */
export function renewalWindow(expiry: string, today: string): RenewalWindow {
  const d = dayNumber(expiry) - dayNumber(today);
  if (d > OPEN_BEFORE_DAYS) return 'too_early';
  if (d < -OPEN_AFTER_DAYS) return 'too_late';
  return 'open';
}
