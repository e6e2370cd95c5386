import { z } from 'zod';

/** One fee the payer has paid, summed over its payments (a fee may be paid in two goes), in tiyn. */
export const feePaidSchema = z.object({
  feeCode: z.string(),
  paidTiyn: z.number().int().nonnegative(),
  /** The bank's or Kaspi's reference of the latest payment, for the worker to quote. */
  reference: z.string(),
});
export type FeePaid = z.infer<typeof feePaidSchema>;

/**
 * The payment registry of fees and state duties paid at banks, terminals or Kaspi (machinery p.6 (3)). The payer
 * is an IIN (a person) or a BIN (an organisation). Fees with no payment are absent from the answer.
 */
export interface FeePayments {
  paidFor(payer: string, feeCodes: string[]): Promise<FeePaid[]>;
}
