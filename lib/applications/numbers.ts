// Human application numbers, VR-2026-000123 (issue 16). Each prefix and year has its own PostgreSQL sequence
// (migration 0021: `application_number_next` makes it on the year's first number), so a createApplication takes no
// row lock that another one waits for. A sequence is not rolled back: numbers may have gaps (docs/decisions.md).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

/** VR-2026-000123: the prefix, the year and the year's serial, at least six digits. */
export function formatApplicationNumber(prefix: string, year: number, serial: number): string {
  if (!/^[A-Z]{2,4}$/.test(prefix) || !Number.isInteger(year) || !Number.isSafeInteger(serial) || serial < 1)
    throw new RangeError('formatApplicationNumber: bad prefix, year or serial');
  return `${prefix}-${year}-${String(serial).padStart(6, '0')}`;
}

/** The next number of this prefix and year; never waits for another transaction's number. */
export async function nextNumberOf(tx: DbOrTx, prefix: string, year: number): Promise<string> {
  const rows = await tx.execute<{ n: string }>(sql`select application_number_next(${prefix}, ${year})::text as n`);
  return formatApplicationNumber(prefix, year, Number(rows[0]!.n));
}
