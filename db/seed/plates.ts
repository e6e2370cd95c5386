// The plate pool (SPEC §3 step 19, §8). A person's plate is `123 ABC 01`, a legal entity's `123 AB 01`.
// High-demand combinations and banned letter series are never in the free pool: a few are seeded with
// their own status so that the admin pages and the "cannot be chosen" rule have something to show.
// ON PURPOSE: region 09 (Karaganda) has no `standard_person` plates at all → the "empty pool" refusal.
import type { DbOrTx } from '../client';
import { platePool } from '../schema';
import { REGIONS, SEEDED_REGIONS } from './geo';
import { prng } from './iin-factory';
import { PLATES } from './personas-ids';

// Latin letters without I, O and Q, which read as 1 and 0 on a plate.
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** Letter series never issued (offensive or reserved). */
export const BANNED_SERIES = new Set([
  'SEX',
  'XUI',
  'HUI',
  'GAY',
  'ASS',
  'FUC',
  'FUK',
  'WTF',
  'KGB',
  'SSR',
  'LOH',
  'LOX',
  'ZEK',
  'GOD',
  'DUR',
]);

/** 001–010, triplets (111 … 999, so 777 too) and round hundreds are high-demand numbers. */
export function isHighDemandDigits(n: number): boolean {
  return n <= 10 || n % 111 === 0 || n % 100 === 0;
}

function isHighDemandLetters(s: string): boolean {
  return [...s].every((c) => c === s[0]);
}

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

function freePlates(regionCode: string, type: 'standard_person' | 'standard_legal', count: number, taken: Set<string>) {
  const rnd = prng(hash(`${regionCode}/${type}`));
  const letters = type === 'standard_person' ? 3 : 2;
  const out: (typeof platePool.$inferInsert)[] = [];
  while (out.length < count) {
    const digits = 11 + Math.floor(rnd() * 989);
    const series = Array.from({ length: letters }, () => LETTERS[Math.floor(rnd() * LETTERS.length)] ?? 'A').join('');
    if (isHighDemandDigits(digits) || isHighDemandLetters(series) || BANNED_SERIES.has(series)) continue;
    const number = `${String(digits).padStart(3, '0')} ${series} ${regionCode}`;
    if (taken.has(number)) continue;
    taken.add(number);
    out.push({ regionCode, plateType: type, number, status: 'free' });
  }
  return out;
}

/** Not offered online: a few high-demand and stored plates, and banned series, in each seeded region. */
function reservedPlates(regionCode: string, taken: Set<string>) {
  const rows: (typeof platePool.$inferInsert)[] = [];
  const add = (number: string, plateType: string, status: 'high_demand' | 'stored' | 'banned') => {
    const full = `${number} ${regionCode}`;
    if (taken.has(full)) return;
    taken.add(full);
    rows.push({ regionCode, plateType, number: full, status });
  };
  for (const n of ['001 KAZ', '007 ALM', '777 KKK', '111 BEK', '234 AAA', '500 ZZZ']) add(n, 'high_demand', 'high_demand');
  // Plates a previous owner left in storage after deregistering a vehicle (order 000, point 2).
  for (const n of ['482 KMB', '615 TRS', '903 AHN']) add(n, 'stored', 'stored');
  if (regionCode !== PLATES.emptyPoolRegion) {
    for (const n of ['314 SEX', '512 GAY']) add(n, 'standard_person', 'banned');
  }
  return rows;
}

export function plateRows() {
  const rows: (typeof platePool.$inferInsert)[] = [];
  const seeded = new Set<string>(SEEDED_REGIONS);
  for (const r of REGIONS) {
    const taken = new Set<string>();
    const size = seeded.has(r.code) ? 60 : 20;
    if (seeded.has(r.code)) rows.push(...reservedPlates(r.code, taken));
    const emptyOnPurpose = r.code === PLATES.emptyPoolRegion;
    if (!emptyOnPurpose) rows.push(...freePlates(r.code, 'standard_person', size, taken));
    rows.push(...freePlates(r.code, 'standard_legal', size, taken));
  }
  return rows;
}

export async function seedPlates(db: DbOrTx) {
  const rows = plateRows();
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(platePool)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
}
