// IIN / BIN rules of SPEC §7.1. Pure: no clock, no I/O.

export type Sex = 'male' | 'female';
export interface IinInfo {
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
}

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
// §7.1: used only when the first pass gives 10.
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

const TWELVE_DIGITS = /^[0-9]{12}$/;
// §7.1: YYMM of registration, type digit 4/5/6, attribute digit 0–3, serial, check digit.
const BIN_SHAPE = /^[0-9]{4}[456][0-3][0-9]{6}$/;

// Digit 7: 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s; odd male, even female (§7.1).
// 0, 7, 8, 9 are not assigned to citizens, so they make the IIN invalid.
const CENTURY: Readonly<Record<string, number>> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum % 11;
}

/** The 12th digit for the first 11, or null when both weight sets give 10 (such a number cannot exist). */
export function checkDigit(first11: string): number | null {
  if (!/^[0-9]{11}$/.test(first11)) return null;
  const digits = [...first11].map(Number);
  const first = weightedMod11(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

function checkDigitMatches(value: string): boolean {
  const expected = checkDigit(value.slice(0, 11));
  return expected !== null && expected === Number(value[11]);
}

/** A real Gregorian date (rejects 31 Apr, 29 Feb of a non-leap year, month 13…). */
function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Birth date and sex of a valid IIN; null for anything §7.1 rejects. */
export function parseIin(value: string): IinInfo | null {
  if (!TWELVE_DIGITS.test(value)) return null;
  const centuryDigit = value[6] ?? '';
  const century = CENTURY[centuryDigit];
  if (century === undefined) return null;
  const year = century + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  if (!isRealDate(year, month, day)) return null;
  if (!checkDigitMatches(value)) return null;
  const birthDate = `${year}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  return { birthDate, sex: Number(centuryDigit) % 2 === 1 ? 'male' : 'female' };
}

export function isValidIin(value: string): boolean {
  return parseIin(value) !== null;
}

/** BIN of a legal entity: YYMM of registration, type 4/5/6, attribute 0–3, same check digit (§7.1). */
export function isValidBin(value: string): boolean {
  if (!BIN_SHAPE.test(value)) return false;
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12) return false;
  return checkDigitMatches(value);
}

/** For lists and logs: only the last 4 digits stay visible (`••••••••0126`). */
export function maskIin(iin: string): string {
  const visible = iin.slice(-4);
  return '•'.repeat(Math.max(iin.length - visible.length, 0)) + visible;
}
