import { z } from 'zod';

export const recyclingFeeSchema = z.object({ vin: z.string(), paid: z.boolean() });
export type RecyclingFee = z.infer<typeof recyclingFeeSchema>;

/** The recycling-fee (утильсбор) operator. null = no record; `paid: false` = recorded but unpaid. */
export interface RecyclingFees {
  findFee(vin: string): Promise<RecyclingFee | null>;
}
