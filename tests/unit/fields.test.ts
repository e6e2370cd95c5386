import { describe, expect, it } from 'vitest';
import { binField, iinField, mobileField } from '@/lib/kz/fields';

const codes = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe('form fields', () => {
  it('IIN: valid passes (trimmed), checksum and empty give their own codes', () => {
    expect(iinField.parse(' 900101300126 ')).toBe('900101300126');
    expect(codes(iinField.safeParse('900101300127'))).toEqual(['iin_invalid']);
    expect(codes(iinField.safeParse(''))).toContain('required');
  });
  it('BIN: valid passes, a wrong check digit fails', () => {
    expect(binField.parse('150440001236')).toBe('150440001236');
    expect(codes(binField.safeParse('150440001237'))).toEqual(['bin_invalid']);
  });
  it('mobile: normalised to +77…, a landline is refused', () => {
    expect(mobileField.parse('8 (701) 123-45-67')).toBe('+77011234567');
    expect(codes(mobileField.safeParse('+7 727 123 45 67'))).toEqual(['phone_invalid']);
  });
});
