import { z } from 'zod';

export const productionOrderSchema = z.object({
  /** For an ID card, the registration ticket number RP DRN returns (SPEC §5 step 13). */
  orderId: z.string(),
  kind: z.enum(['id_card', 'srts']),
  /** The portal's application number the order was placed for. */
  reference: z.string(),
  status: z.enum(['accepted', 'in_production', 'ready', 'refused']),
  createdAt: z.date(),
});
export type ProductionOrder = z.infer<typeof productionOrderSchema>;

/**
 * RP DRN / IPC: ID-card production (§5 steps 13, 18) and SRTS printing (§3 step 19). Ordering again
 * for the same reference returns the first order, so a retry after a timeout never makes two cards.
 */
export interface DocumentProduction {
  orderIdCard(reference: string): Promise<ProductionOrder>;
  orderSrts(reference: string): Promise<ProductionOrder>;
  status(orderId: string): Promise<ProductionOrder | null>;
}
