// VIN rules of SPEC §8: 17 characters without I, O, Q (ISO 3779).

const VIN_SHAPE = /^[A-HJ-NPR-Z0-9]{17}$/;

/** Citizens type VINs in any case and with stray spaces around; the registry stores upper case. */
export function normalizeVin(value: string): string {
  return value.trim().toUpperCase();
}

export function isValidVin(value: string): boolean {
  return VIN_SHAPE.test(normalizeVin(value));
}

// North American transliteration (49 CFR 565): letters map to 1–9, skipping I, O, Q.
const LETTER_VALUE: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const POSITION_WEIGHT = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

function charValue(ch: string): number {
  return /[0-9]/.test(ch) ? Number(ch) : (LETTER_VALUE[ch] ?? 0);
}

/**
 * Whether position 9 holds the North American check digit. Only vehicles made for
 * North America must carry it, so a mismatch is a warning, never a refusal (§8).
 * False for anything that is not a valid VIN at all.
 */
export function vinCheckDigitMatches(value: string): boolean {
  const vin = normalizeVin(value);
  if (!VIN_SHAPE.test(vin)) return false;
  let sum = 0;
  for (let i = 0; i < vin.length; i++) sum += charValue(vin[i] ?? '0') * (POSITION_WEIGHT[i] ?? 0);
  const remainder = sum % 11;
  return vin[8] === (remainder === 10 ? 'X' : String(remainder));
}
