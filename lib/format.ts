// Pure display formatters for the two portal languages. Money is integer tiyn (1/100 ₸)
// everywhere so sums and refunds never meet floating point; only the display divides.
import { parseLocalDate } from '@/lib/calendar/local';

type Locale = 'kk' | 'ru';

const LANGUAGE_TAG: Readonly<Record<Locale, string>> = { kk: 'kk-KZ', ru: 'ru-RU' };
const ALMATY = 'Asia/Almaty';
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One Intl formatter per locale and options for the whole process (issue 16): building one costs far more than
 * formatting with it, and a table called formatDate once per cell. Intl formatters are immutable, so sharing them
 * between requests is safe; the key set is small and fixed (two locales × a few option sets).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function memo<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/**
 * The portal's one date format per locale (issue 15), for next-intl's `format.dateTime(x, 'short' | 'stamp')` and
 * for formatDate / formatDateTime below: `dd.mm.yyyy` and `dd.mm.yyyy, HH:MM` (24-hour) in both languages.
 */
export const DATE_TIME_FORMATS = {
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
  stamp: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

function toTiyn(amount: number | bigint): bigint {
  if (typeof amount === 'bigint') return amount;
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money must be whole tiyn: ${amount}`);
  return BigInt(amount);
}

/** `123456700` → `1 234 567 ₸`; `1250` → `12,50 ₸`. Decimals only when there are tiyn. */
export function formatMoney(amountTiyn: number | bigint, locale: Locale): string {
  const tiyn = toTiyn(amountTiyn);
  const abs = tiyn < 0n ? -tiyn : tiyn;
  const fraction = abs % 100n;
  // ru-RU would print "KZT" with the default symbol display; narrowSymbol gives ₸ in both languages.
  const digits = fraction === 0n ? 0 : 2;
  const format = memo(
    `money:${locale}:${digits}`,
    () =>
      new Intl.NumberFormat(LANGUAGE_TAG[locale], {
        style: 'currency',
        currency: 'KZT',
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  );
  if (fraction === 0n) return format.format(tiyn / 100n);
  // A decimal string keeps bigint amounts exact (Intl accepts numeric strings since ES2023).
  const decimal = `${tiyn < 0n ? '-' : ''}${abs / 100n}.${fraction.toString().padStart(2, '0')}` as `${number}`;
  return format.format(decimal);
}

/**
 * A fee kept as thousandths of an MRP (0.2 MRP → 200), at the MRP of the year in tenge,
 * as tiyn rounded to whole tenge (half up): duties are charged in whole tenge.
 */
export function mrpToTiyn(mrpTimes1000: number, mrpValueTenge: number): number {
  if (!Number.isSafeInteger(mrpTimes1000) || mrpTimes1000 < 0) {
    throw new RangeError(`Bad MRP multiple: ${mrpTimes1000}`);
  }
  if (!Number.isSafeInteger(mrpValueTenge) || mrpValueTenge <= 0) {
    throw new RangeError(`Bad MRP value: ${mrpValueTenge}`);
  }
  const tenge = Math.floor((mrpTimes1000 * mrpValueTenge + 500) / 1000);
  return tenge * 100;
}

function toInstant(value: Date | string): Date {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return d;
}

function dateFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  return memo(`date:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { timeZone, ...DATE_TIME_FORMATS.short }));
}

/**
 * `dd.mm.yyyy`. A plain `YYYY-MM-DD` is already a local calendar date (birth, expiry) and is shown
 * as is; an instant (Date or ISO timestamp) is shown as its date in Asia/Almaty.
 */
export function formatDate(isoDateOrDate: string | Date, locale: Locale): string {
  if (typeof isoDateOrDate === 'string' && PLAIN_DATE.test(isoDateOrDate)) {
    // Date parsing rolls 2026-02-30 over to 2 March; a wrong date on a document is worse than an error.
    return dotted(dateFormat(locale, 'UTC'), parseLocalDate(isoDateOrDate));
  }
  return dotted(dateFormat(locale, ALMATY), toInstant(isoDateOrDate));
}

/**
 * `dd.mm.yyyy[, HH:MM]` from the formatter's parts, not its pattern: the browsers' ICU data writes kk-KZ numeric
 * dates as `yyyy-mm-dd` where Node's writes `dd.mm.yyyy`, and a page formats on both (issue 15: one date format per
 * locale). The parts (day, month, year, hour, minute) are the locale's own.
 */
export function dotted(format: Intl.DateTimeFormat, date: Date): string {
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(date)) p[part.type] = part.value;
  const day = `${p.day}.${p.month}.${p.year}`;
  return p.hour === undefined ? day : `${day}, ${p.hour}:${p.minute}`;
}

/** `dd.mm.yyyy, HH:MM` in Asia/Almaty, 24-hour clock in both languages. */
export function formatDateTime(date: Date | string, locale: Locale): string {
  const format = memo(
    `stamp:${locale}`,
    () => new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { timeZone: ALMATY, ...DATE_TIME_FORMATS.stamp }),
  );
  return dotted(format, toInstant(date));
}
