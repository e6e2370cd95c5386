import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { feePayments } from '@/db/schema/registry';
import type { FeePaid, FeePayments } from './port';

/** Reads `registry.fee_payments` (seeded in db/seed/machinery.ts): one line per fee, payments summed. */
export class FeePaymentsSimulator implements FeePayments {
  constructor(private readonly db: DbOrTx) {}

  async paidFor(payer: string, feeCodes: string[]): Promise<FeePaid[]> {
    if (!feeCodes.length) return [];
    const rows = await this.db
      .select({
        feeCode: feePayments.feeCode,
        paidTiyn: sql<string>`sum(${feePayments.amountTiyn})`,
        reference: sql<string>`(array_agg(${feePayments.reference} order by ${feePayments.paidAt} desc))[1]`,
      })
      .from(feePayments)
      .where(and(eq(feePayments.payer, payer), inArray(feePayments.feeCode, feeCodes)))
      .groupBy(feePayments.feeCode)
      .orderBy(feePayments.feeCode);
    return rows.map((r) => ({ feeCode: r.feeCode, paidTiyn: Number(r.paidTiyn), reference: r.reference }));
  }
}
