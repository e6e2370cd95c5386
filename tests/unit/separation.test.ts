import { describe, expect, it } from 'vitest';
import { closeTie, ownApplication, partiesOf, tieToParties } from '@/lib/auth/separation';
import { selectablePlace } from '@/lib/reference/pickup-rules';
import type { CivilRecords } from '@/lib/residence/kinship';

const OFFICER = '800101300011';
const MOTHER = '550101400022';
const FATHER = '530101300033';
const CHILD = '050101500044';
const SPOUSE = '820101400055';
const SIBLING = '840101300066';
const HALF = '860101300077';
const STRANGER = '900101300088';

/** ZAGS as an in-memory fake: births (child → parents) and current marriages. */
function zags(births: Record<string, { mother?: string; father?: string }>, marriages: [string, string][]): CivilRecords {
  return {
    parentsOf: async (iin) => births[iin] ?? {},
    childrenOf: async (iin) => Object.keys(births).filter((c) => births[c]!.mother === iin || births[c]!.father === iin),
    spousesOf: async (iin) => marriages.flatMap(([a, b]) => (a === iin ? [b] : b === iin ? [a] : [])),
  };
}

const records = zags(
  {
    [OFFICER]: { mother: MOTHER, father: FATHER },
    [CHILD]: { father: OFFICER },
    [SIBLING]: { mother: MOTHER, father: FATHER },
    [HALF]: { mother: MOTHER },
    [STRANGER]: { mother: '600101400099' },
  },
  [[OFFICER, SPOUSE]],
);

describe('partiesOf / ownApplication', () => {
  it('drops empty and missing parties and repeats', () =>
    expect(partiesOf(CHILD, null, undefined, '', CHILD, SPOUSE)).toEqual([CHILD, SPOUSE]));
  it('the officer among the parties is their own application; an empty IIN never matches', () => {
    expect(ownApplication(OFFICER, [STRANGER, OFFICER])).toBe(true);
    expect(ownApplication(OFFICER, [STRANGER])).toBe(false);
    expect(ownApplication('', [''])).toBe(false);
  });
});

describe('closeTie', () => {
  const officer = { iin: OFFICER, parents: { mother: MOTHER, father: FATHER }, spouses: [SPOUSE] };
  it.each([
    [OFFICER, { mother: MOTHER, father: FATHER }, 'self'],
    [SPOUSE, {}, 'spouse'],
    [MOTHER, {}, 'parent'],
    [FATHER, {}, 'parent'],
    [CHILD, { father: OFFICER }, 'child'],
    [SIBLING, { mother: MOTHER, father: FATHER }, 'sibling'],
    [HALF, { mother: MOTHER }, 'sibling'],
    [STRANGER, { mother: '600101400099' }, null],
  ] as const)('%s is %s', (iin, parents, tie) => expect(closeTie(officer, { iin, parents })).toBe(tie));
  it('unknown parents on both sides make nobody a sibling', () =>
    expect(closeTie({ iin: OFFICER, parents: {}, spouses: [] }, { iin: STRANGER, parents: {} })).toBeNull());
  it('an empty parent value matches nobody', () =>
    expect(closeTie({ iin: OFFICER, parents: { mother: '' }, spouses: [] }, { iin: STRANGER, parents: { mother: '' } })).toBeNull());
});

describe('tieToParties', () => {
  it('own application is found without asking ZAGS', async () => {
    const never: CivilRecords = {
      parentsOf: () => Promise.reject(new Error('asked')),
      childrenOf: () => Promise.reject(new Error('asked')),
      spousesOf: () => Promise.reject(new Error('asked')),
    };
    await expect(tieToParties(never, OFFICER, [STRANGER, OFFICER])).resolves.toEqual({ tie: 'self', party: 1 });
  });
  it('the first related party, in order', async () => {
    await expect(tieToParties(records, OFFICER, [STRANGER, SPOUSE, CHILD])).resolves.toEqual({ tie: 'spouse', party: 1 });
    await expect(tieToParties(records, OFFICER, [CHILD])).resolves.toEqual({ tie: 'child', party: 0 });
    await expect(tieToParties(records, OFFICER, [HALF])).resolves.toEqual({ tie: 'sibling', party: 0 });
  });
  it('strangers, and no parties at all, are no tie', async () => {
    await expect(tieToParties(records, OFFICER, [STRANGER])).resolves.toBeNull();
    await expect(tieToParties(records, OFFICER, [])).resolves.toBeNull();
  });
  it('ZAGS failing is an error, never "no tie" (the caller fails closed)', async () => {
    const down: CivilRecords = { ...records, spousesOf: () => Promise.reject(new Error('down')) };
    await expect(tieToParties(down, OFFICER, [STRANGER])).rejects.toThrow('down');
  });
});

describe('selectablePlace', () => {
  it('open and in a pilot region only', () => {
    expect(selectablePlace({ active: true, regionCode: '02' }, ['02', '10'])).toBe(true);
    expect(selectablePlace({ active: false, regionCode: '02' }, ['02', '10'])).toBe(false);
    expect(selectablePlace({ active: true, regionCode: '01' }, ['02', '10'])).toBe(false);
    expect(selectablePlace({ active: true, regionCode: '02' }, [])).toBe(false);
    expect(selectablePlace({ active: true, regionCode: '02' }, null)).toBe(false);
  });
});
