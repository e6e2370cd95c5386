// Order 000 steps 2 and 6: the VIN and the buyer's IIN are checked by the form schemas, before any registry
// is asked (the actions parse with them first).
import { describe, expect, it } from 'vitest';
import { buyerSchema, startSchema } from '@/lib/vehicle-registration/schemas';

const issues = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe('step 2: the VIN', () => {
  it('takes 17 characters, trimmed and upper-cased', () => {
    expect(startSchema.parse({ vin: ' kmhj381a5tu201001 ', locale: 'ru' }).vin).toBe('KMHJ381A5TU201001');
  });

  it.each([
    ['KMHJ381A5TU2010O1', 'the letter O'],
    ['KMHJ381A5TU2010I1', 'the letter I'],
    ['KMHJ381A5TU2010Q1', 'the letter Q'],
    ['KMHJ381A5TU20100', '16 characters'],
    ['KMHJ381A5TU2010011', '18 characters'],
  ])('refuses %s (%s)', (vin) => {
    expect(issues(startSchema.safeParse({ vin, locale: 'kk' }))).toEqual(['vin_invalid']);
  });

  it('an empty VIN is "required"', () => {
    expect(issues(startSchema.safeParse({ vin: '  ', locale: 'kk' }))).toContain('required');
  });
});

describe('step 6: the buyer’s IIN', () => {
  const base = { id: '00000000-0000-4000-8000-000000000000', version: '1', locale: 'ru' };
  it('accepts a valid IIN and refuses a wrong check digit or a wrong length', () => {
    expect(buyerSchema.safeParse({ ...base, buyerIin: '900101300126' }).success).toBe(true);
    expect(issues(buyerSchema.safeParse({ ...base, buyerIin: '900101300127' }))).toEqual(['iin_invalid']);
    expect(issues(buyerSchema.safeParse({ ...base, buyerIin: '90010130012' }))).toEqual(['iin_invalid']);
  });
});
