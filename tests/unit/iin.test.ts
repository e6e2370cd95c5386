import { describe, expect, it } from 'vitest';
import { checkDigit, isValidBin, isValidIin, maskIin, parseIin } from '@/lib/kz/iin';

/** Builds a well-formed IIN/BIN from its first 11 digits, or throws if no check digit exists. */
function withCheckDigit(first11: string): string {
  const c = checkDigit(first11);
  if (c === null) throw new Error(`no check digit for ${first11}`);
  return first11 + String(c);
}

describe('isValidIin / parseIin (SPEC §7.1, §8 examples)', () => {
  it('accepts the SPEC examples with their birth date and sex', () => {
    expect(parseIin('900101300126')).toEqual({ birthDate: '1990-01-01', sex: 'male' });
    expect(parseIin('061211600012')).toEqual({ birthDate: '2006-12-11', sex: 'female' });
    expect(parseIin('880315300511')).toEqual({ birthDate: '1988-03-15', sex: 'male' });
    expect(isValidIin('900101300126')).toBe(true);
  });

  it('uses the second weight set when the first gives 10', () => {
    // First pass for these is 10 (SPEC §8), so a first-weights-only implementation rejects them.
    expect(checkDigit('06121160001')).toBe(2);
    expect(checkDigit('88031530051')).toBe(1);
    expect(checkDigit('90010130012')).toBe(6);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidIin('900101300127')).toBe(false);
    expect(parseIin('900101300127')).toBeNull();
    expect(isValidIin('061211600013')).toBe(false);
  });

  it('rejects numbers whose second pass also gives 10', () => {
    // Search a block of serials for one where both passes give 10: it has no valid check digit.
    const impossible = Array.from({ length: 1000 }, (_, i) => `9001013${String(i).padStart(4, '0')}`).find(
      (first11) => checkDigit(first11) === null,
    );
    expect(impossible).toBeDefined();
    for (let d = 0; d <= 9; d++) expect(isValidIin(`${impossible}${d}`)).toBe(false);
  });

  it('maps every century digit 1–6 to century and sex', () => {
    const cases: [string, string, 'male' | 'female'][] = [
      ['1', '1890-05-20', 'male'],
      ['2', '1890-05-20', 'female'],
      ['3', '1990-05-20', 'male'],
      ['4', '1990-05-20', 'female'],
      ['5', '2090-05-20', 'male'],
      ['6', '2090-05-20', 'female'],
    ];
    for (const [digit, birthDate, sex] of cases) {
      const iin = withCheckDigit(`900520${digit}0001`);
      expect(parseIin(iin)).toEqual({ birthDate, sex });
    }
  });

  it('rejects century digits 0, 7, 8, 9 even with a matching check digit', () => {
    for (const digit of ['0', '7', '8', '9']) {
      expect(isValidIin(withCheckDigit(`900520${digit}0001`))).toBe(false);
    }
  });

  it('checks 29 February against the century', () => {
    expect(parseIin(withCheckDigit('00022950001'))?.birthDate).toBe('2000-02-29'); // 2000 leap
    expect(isValidIin(withCheckDigit('00022930001'))).toBe(false); // 1900 not leap
    expect(parseIin(withCheckDigit('96022930001'))?.birthDate).toBe('1996-02-29');
    expect(isValidIin(withCheckDigit('97022930001'))).toBe(false);
    expect(isValidIin(withCheckDigit('24022950001'))).toBe(true);
    expect(isValidIin(withCheckDigit('23022950001'))).toBe(false);
    expect(isValidIin(withCheckDigit('97022830001'))).toBe(true);
  });

  it('rejects impossible dates', () => {
    for (const yymmdd of ['900001', '901301', '900100', '900132', '900431', '900631', '990230']) {
      expect(isValidIin(withCheckDigit(`${yymmdd}30001`))).toBe(false);
    }
    expect(isValidIin(withCheckDigit('90043030001'))).toBe(true);
    expect(isValidIin(withCheckDigit('90123130001'))).toBe(true);
  });

  it('rejects wrong length and non-digits', () => {
    for (const bad of [
      '',
      '90010130012',
      '9001013001260',
      ' 900101300126',
      '900101300126 ',
      '9001013O0126',
      '90010130012a',
      '９００１０１３００１２６',
      '-90101300126',
    ]) {
      expect(isValidIin(bad)).toBe(false);
      expect(parseIin(bad)).toBeNull();
    }
  });

  it('checkDigit wants exactly 11 digits', () => {
    expect(checkDigit('9001013001')).toBeNull();
    expect(checkDigit('900101300126')).toBeNull();
    expect(checkDigit('9001013001x')).toBeNull();
  });
});

describe('isValidBin (SPEC §7.1)', () => {
  it('accepts the SPEC example', () => {
    expect(isValidBin('150440001236')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidBin('150440001237')).toBe(false);
  });

  it('checks the month 01–12', () => {
    expect(isValidBin(withCheckDigit('15014000123'))).toBe(true);
    expect(isValidBin(withCheckDigit('15124000123'))).toBe(true);
    expect(isValidBin(withCheckDigit('15004000123'))).toBe(false);
    expect(isValidBin(withCheckDigit('15134000123'))).toBe(false);
  });

  it('checks the type digit 4/5/6 and attribute 0–3', () => {
    for (const t of ['4', '5', '6']) expect(isValidBin(withCheckDigit(`1504${t}000123`))).toBe(true);
    for (const t of ['0', '1', '2', '3', '7', '8', '9']) expect(isValidBin(withCheckDigit(`1504${t}000123`))).toBe(false);
    for (const a of ['0', '1', '2', '3']) expect(isValidBin(withCheckDigit(`15044${a}00123`))).toBe(true);
    for (const a of ['4', '5', '9']) expect(isValidBin(withCheckDigit(`15044${a}00123`))).toBe(false);
  });

  it('rejects wrong length and non-digits', () => {
    for (const bad of ['', '15044000123', '1504400012360', '15044000123X']) expect(isValidBin(bad)).toBe(false);
  });

  it('is not an IIN and vice versa', () => {
    expect(isValidIin('150440001236')).toBe(false); // day 40
    expect(isValidBin('900101300126')).toBe(false); // type digit 1
  });
});

describe('maskIin', () => {
  it('shows only the last four digits', () => {
    expect(maskIin('900101300126')).toBe('••••••••0126');
    expect(maskIin('123')).toBe('123');
  });
});
