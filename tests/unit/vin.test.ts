import { describe, expect, it } from 'vitest';
import { isValidVin, normalizeVin, vinCheckDigitMatches } from '@/lib/kz/vin';

describe('isValidVin (SPEC §8)', () => {
  it('accepts 17 characters of A–H J–N P R–Z 0–9', () => {
    expect(isValidVin('1M8GDM9AXKP042788')).toBe(true);
    expect(isValidVin('XTA210930Y2696548')).toBe(true);
    expect(isValidVin('ABCDEFGHJKLMNPRST')).toBe(true);
    expect(isValidVin('UVWXYZ01234567890')).toBe(true);
  });

  it('normalises case and surrounding spaces', () => {
    expect(normalizeVin('  1m8gdm9axkp042788 ')).toBe('1M8GDM9AXKP042788');
    expect(isValidVin('wvwzzz1jzxw000001')).toBe(true);
  });

  it('rejects I, O and Q in any case', () => {
    for (const ch of ['I', 'O', 'Q', 'i', 'o', 'q']) {
      expect(isValidVin(`1M8GDM9AXKP04278${ch}`)).toBe(false);
    }
  });

  it('rejects wrong length and other characters', () => {
    for (const bad of ['', '1M8GDM9AXKP04278', '1M8GDM9AXKP0427888', '1M8GDM9AX-P042788', '1M8GDM9AX P042788', 'ÄM8GDM9AXKP042788']) {
      expect(isValidVin(bad)).toBe(false);
    }
  });
});

describe('vinCheckDigitMatches', () => {
  it('accepts correct North American check digits, including X for 10', () => {
    expect(vinCheckDigitMatches('1M8GDM9AXKP042788')).toBe(true); // X
    expect(vinCheckDigitMatches('1HGCM82633A004352')).toBe(true);
    expect(vinCheckDigitMatches('11111111111111111')).toBe(true);
    expect(vinCheckDigitMatches('jh4ka7561pc008269')).toBe(true); // case-insensitive
  });

  it('reports a mismatch', () => {
    expect(vinCheckDigitMatches('1M8GDM9A0KP042788')).toBe(false);
    expect(vinCheckDigitMatches('1HGCM82643A004352')).toBe(false);
    expect(vinCheckDigitMatches('11111111211111111')).toBe(false);
    // A European VIN carries no check digit; it is still a valid VIN (a warning only, §8).
    expect(vinCheckDigitMatches('WVWZZZ1JZXW000001')).toBe(false);
    expect(isValidVin('WVWZZZ1JZXW000001')).toBe(true);
  });

  it('is false for an invalid VIN', () => {
    expect(vinCheckDigitMatches('1M8GDM9AXKP04278')).toBe(false);
    expect(vinCheckDigitMatches('1M8GDM9AXKP04278O')).toBe(false);
  });
});
