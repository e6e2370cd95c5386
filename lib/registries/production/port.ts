import { z } from 'zod';

export const productionOrderSchema = z.object({
  /** For an ID card, the registration ticket number RP DRN returns (SPEC §5 step 13). */
  orderId: z.string(),
  kind: z.enum(['id_card', 'srts']),
  /** The portal's application number the order was placed for (for an SRTS, the SRTS number). */
  reference: z.string(),
  status: z.enum(['accepted', 'in_production', 'ready', 'refused']),
  createdAt: z.date(),
});
export type ProductionOrder = z.infer<typeof productionOrderSchema>;

/**
 * Order 000 p.6: what the IPC needs to print an SRTS — the certificate's number, the vehicle as its e-passport
 * describes it, the owner (the buyer) and the plate assigned to it.
 */
const nameSchema = z.object({ surname: z.string(), givenName: z.string(), patronymic: z.string().nullable() });

export const srtsPrintOrderSchema = z.object({
  srtsNumber: z.string().min(1),
  plate: z.string().min(1),
  vehicle: z.object({
    vin: z.string().length(17),
    make: z.string(),
    model: z.string(),
    year: z.number().int(),
    category: z.string(),
    colourKk: z.string(),
    colourRu: z.string(),
    engine: z.string(),
    bodyNumber: z.string(),
    massKg: z.number().int(),
  }),
  /** The owner is the buyer (order 000 p.4 (6)), named as GBD FL gave the names at the buyer's steps. */
  owner: z.object({ iin: z.string().length(12), nameKk: nameSchema, nameRu: nameSchema }),
});
export type SrtsPrintOrder = z.infer<typeof srtsPrintOrderSchema>;

/**
 * RP DRN / IPC: ID-card production (§5 steps 13, 18) and SRTS printing (order 000 p.6, §3 step 19). Ordering
 * again for the same reference returns the first order, so a retry after a timeout never makes two cards. The
 * order's status moves on at the factory: the portal asks `status` until it reports `ready` (printed).
 */
export interface DocumentProduction {
  orderIdCard(reference: string): Promise<ProductionOrder>;
  orderSrts(order: SrtsPrintOrder): Promise<ProductionOrder>;
  status(orderId: string): Promise<ProductionOrder | null>;
}
