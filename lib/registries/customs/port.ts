import { z } from 'zod';

export const customsPaymentSchema = z.object({
  vin: z.string(),
  paid: z.boolean(),
  declarationNumber: z.string().nullable(),
});
export type CustomsPayment = z.infer<typeof customsPaymentSchema>;

/** Customs payments per vehicle. null = no record; `paid: false` = recorded but unpaid. */
export interface CustomsPayments {
  findPayment(vin: string): Promise<CustomsPayment | null>;
}
