// The one name masker and the one age rule of order 003 (lib/residence/person.ts), which the dwelling step, the
// consent request, Astana's kinship chain and the CON desk all use.
import { describe, expect, it } from 'vitest';
import { ageOn, isMinorOn, maskedName, maskName } from '@/lib/residence/person';

describe('maskName: another person as a real portal shows them', () => {
  it('the given name and the surname’s initial, in Kazakh and Russian letters', () => {
    expect(maskName({ surname: 'Байжанов', givenName: 'Галым' })).toBe('Галым Б.');
    expect(maskName({ surname: 'Ділдәбеков', givenName: 'Мақсат' })).toBe('Мақсат Д.');
    expect(maskName({ surname: 'Әбенова', givenName: 'Айша' })).toBe('Айша Ә.');
  });
  it('white space trimmed; no surname → the given name; no given name → the initial; nothing → «—»', () => {
    expect(maskName({ surname: '  Ким ', givenName: ' Ольга ' })).toBe('Ольга К.');
    expect(maskName({ surname: ' ', givenName: ' Әсел ' })).toBe('Әсел');
    expect(maskName({ surname: 'Ким', givenName: '' })).toBe('К.');
    expect(maskName({ surname: '', givenName: '' })).toBe('—');
    expect(maskName(null)).toBe('—');
    expect(maskName(undefined)).toBe('—');
  });
  it('maskedName: a GBD FL person in the asked language; no person → «—»', () => {
    const p = { names: { kk: { surname: 'Жақсыбеков', givenName: 'Әлихан' }, ru: { surname: 'Жаксыбеков', givenName: 'Алихан' } } };
    expect(maskedName(p, 'kk')).toBe('Әлихан Ж.');
    expect(maskedName(p, 'ru')).toBe('Алихан Ж.');
    expect(maskedName(null, 'kk')).toBe('—');
  });
});

describe('ageOn / isMinorOn: the 18th birthday (p.4, p.6)', () => {
  it('counts full years; the birthday itself completes the year', () => {
    expect(ageOn('2008-03-08', '2026-03-07')).toBe(17);
    expect(ageOn('2008-03-08', '2026-03-08')).toBe(18);
    expect(ageOn('2008-03-08', '2026-03-09')).toBe(18);
    expect(ageOn('2008-12-31', '2026-01-01')).toBe(17);
    expect(ageOn('2008-01-01', '2025-12-31')).toBe(17);
  });
  it('a minor until the day before the 18th birthday, an adult on it', () => {
    expect(isMinorOn('2008-03-08', '2026-03-07')).toBe(true);
    expect(isMinorOn('2008-03-08', '2026-03-08')).toBe(false);
    expect(isMinorOn('2008-03-08', '2026-03-09')).toBe(false);
  });
  it('born on 29 February: still a minor on 28 February of a common year, an adult on 1 March', () => {
    expect(isMinorOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(isMinorOn('2008-02-29', '2026-03-01')).toBe(false);
    // The 18th birthday of one born on 29 Feb 2012 falls in a common year too (2030).
    expect(isMinorOn('2012-02-29', '2030-02-28')).toBe(true);
    expect(isMinorOn('2012-02-29', '2030-03-01')).toBe(false);
  });
  it('a newborn is 0', () => expect(ageOn('2026-01-10', '2026-01-10')).toBe(0));
});
