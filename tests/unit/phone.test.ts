import { describe, expect, it } from 'vitest';
import { formatKzMobile, maskPhone, normalizeKzMobile } from '@/lib/kz/phone';

describe('normalizeKzMobile', () => {
  it.each([
    ['+77011234567'],
    ['+7 701 123 45 67'],
    ['+7 (701) 123-45-67'],
    ['87011234567'],
    ['8 701 123 45 67'],
    ['8(701)123-45-67'],
    ['77011234567'],
    ['7 701 123 4567'],
    [' +7\u00a0701\u00a0123\u00a045\u00a067 '],
  ])('%s → +77011234567', (input) => {
    expect(normalizeKzMobile(input)).toBe('+77011234567');
  });

  it('keeps the operator code', () => {
    expect(normalizeKzMobile('8 777 000 00 01')).toBe('+77770000001');
    expect(normalizeKzMobile('+7 747 999 99 99')).toBe('+77479999999');
    expect(normalizeKzMobile('8 700 000 00 00')).toBe('+77000000000');
    expect(normalizeKzMobile('+7 760 123 45 67')).toBe('+77601234567');
  });

  it.each([
    [''],
    ['7011234567'], // no country code or trunk prefix
    ['+7701123456'], // too short
    ['+770112345678'], // too long
    ['877011234567'],
    ['+87011234567'], // trunk prefix after +
    ['+777011234567'], // +7 followed by 11 digits
    ['+7 727 123 45 67'], // Almaty landline
    ['87172123456'], // Astana landline
    ['+7 7122 12 34 56'], // Atyrau landline
    ['+1 701 123 45 67'],
    ['+7 701 123 45 6a'],
    ['+7 701 123 45 67 ext 1'],
    ['++77011234567'],
  ])('rejects %s', (input) => {
    expect(normalizeKzMobile(input)).toBeNull();
  });
});

describe('formatKzMobile / maskPhone', () => {
  it('formats with groups 3-3-2-2', () => {
    expect(formatKzMobile('+77011234567')).toBe('+7 701 123 45 67');
    expect(formatKzMobile('87051112233')).toBe('+7 705 111 22 33');
  });

  it('leaves a non-mobile untouched', () => {
    expect(formatKzMobile('+7 727 123 45 67')).toBe('+7 727 123 45 67');
  });

  it('masks the middle', () => {
    expect(maskPhone('+77011234567')).toBe('+7 701 *** ** 67');
    expect(maskPhone('8 (705) 111-22-33')).toBe('+7 705 *** ** 33');
    expect(maskPhone('garbage')).toBe('***');
  });
});
