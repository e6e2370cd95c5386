import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { fines } from '@/db/schema/registry';
import type { AdministrativeFines, Fine } from './port';

export class ErapSimulator implements AdministrativeFines {
  constructor(private readonly db: DbOrTx) {}

  async unpaidFines(iin: string): Promise<Fine[]> {
    const rows = await this.db
      .select({
        id: fines.id,
        amountTiyn: fines.amountTiyn,
        articleKk: fines.articleKk,
        articleRu: fines.articleRu,
        issuedOn: fines.issuedOn,
      })
      .from(fines)
      .where(and(eq(fines.iin, iin), eq(fines.paid, false)))
      .orderBy(asc(fines.issuedOn), asc(fines.id));
    return rows.map((r) => ({ ...r, id: String(r.id) }));
  }
}

/**
 * Demo mode only (no real ERAP does this for the portal): the person pays all their fines elsewhere, so the
 * step-14 "pay them and submit again" branch can be tried end to end. Returns how many were paid.
 */
export async function payAllFinesInSimulator(db: DbOrTx, iin: string): Promise<number> {
  const paid = await db
    .update(fines)
    .set({ paid: true })
    .where(and(eq(fines.iin, iin), eq(fines.paid, false)))
    .returning({ id: fines.id });
  return paid.length;
}
