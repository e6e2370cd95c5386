// Made once per process (issue 16): a DisplayNames is costly to build and immutable.
const regionNames = {
  kk: new Intl.DisplayNames(['kk'], { type: 'region', fallback: 'code' }),
  ru: new Intl.DisplayNames(['ru'], { type: 'region', fallback: 'code' }),
};

/**
 * A country's name in the reader's language from its ISO 3166-1 alpha-2 code (GBD FL's birth country), through
 * the runtime's CLDR data, which has Kazakh and Russian. An unknown code shows as itself, never as blank.
 */
export function countryName(code: string, locale: 'kk' | 'ru'): string {
  try {
    return regionNames[locale].of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}
