// Country names for GBD FL's ISO codes, in the reader's language.
import { describe, expect, it } from 'vitest';
import { countryName } from '@/lib/kz/country';

describe('countryName (order 002 p.5 (4): the card prints the country of birth)', () => {
  it('names the GBD FL code in Kazakh and Russian', () => {
    expect(countryName('UZ', 'ru')).toBe('Узбекистан');
    expect(countryName('UZ', 'kk')).toBe('Өзбекстан');
    expect(countryName('kz', 'kk')).toBe('Қазақстан');
  });
  it('an unknown or malformed code shows as itself, never blank', () => {
    expect(countryName('XX', 'ru')).toBe('XX');
    expect(countryName('1', 'ru')).toBe('1');
  });
});
