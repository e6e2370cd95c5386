// Deterministic generators of valid IINs and BINs for demo data (SPEC §7.1).
// The same inputs always give the same number, so seeded people keep their IINs across runs.
import { checkDigit } from '../../lib/kz/iin';

export type Sex = 'male' | 'female';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Digit 7: 1/2 for the 1800s, 3/4 for the 1900s, 5/6 for the 2000s; odd is male. */
function centuryDigit(year: number, sex: Sex): number {
  const base = year < 1900 ? 1 : year < 2000 ? 3 : 5;
  return sex === 'male' ? base : base + 1;
}

/**
 * A valid IIN for a birth date (`YYYY-MM-DD`), sex and a 4-digit serial (digits 8–11).
 * About one serial in 121 has no check digit (both weight sets give 10): the next serial is taken then.
 */
export function makeIin(birthDate: string, sex: Sex, serial: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) throw new Error(`makeIin: bad birth date ${birthDate}`);
  const [, y = '', mo = '', d = ''] = m;
  const head = `${y.slice(2)}${mo}${d}${centuryDigit(Number(y), sex)}`;
  for (let i = 0; i < 10_000; i++) {
    const first11 = head + pad((serial + i) % 10_000, 4);
    const check = checkDigit(first11);
    if (check !== null) return first11 + String(check);
  }
  throw new Error(`makeIin: no valid IIN for ${birthDate}`);
}

/**
 * A valid BIN: registration month (`YYYY-MM`), a 5-digit serial, type 4 (resident legal entity),
 * 5 (non-resident) or 6 (individual entrepreneur in joint form), attribute 0 (head office) … 3.
 */
export function makeBin(registered: string, serial: number, type: 4 | 5 | 6 = 4, attribute: 0 | 1 | 2 | 3 = 0): string {
  const m = /^(\d{4})-(\d{2})$/.exec(registered);
  if (!m) throw new Error(`makeBin: bad month ${registered}`);
  const [, y = '', mo = ''] = m;
  const head = `${y.slice(2)}${mo}${type}${attribute}`;
  for (let i = 0; i < 100_000; i++) {
    const first11 = head + pad((serial + i) % 100_000, 5);
    const check = checkDigit(first11);
    if (check !== null) return first11 + String(check);
  }
  throw new Error(`makeBin: no valid BIN for ${registered}`);
}

/** A small seeded PRNG (mulberry32): the same seed gives the same demo data everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
