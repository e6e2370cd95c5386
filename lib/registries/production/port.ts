import { z } from 'zod';

export const productionOrderSchema = z.object({
  /** For an ID card, the registration ticket number RP DRN returns (SPEC §5 step 13). */
  orderId: z.string(),
  kind: z.enum(['id_card', 'srts']),
  /** The portal's application number the order was placed for (for an SRTS, the SRTS number). */
  reference: z.string(),
  /** ID card: `registered` (step 13) → `in_production` (ordered at step 18) → `ready`; or `refused` at step 13; or
   *  `cancelled` when the citizen withdrew the request before production. */
  status: z.enum(['registered', 'accepted', 'in_production', 'ready', 'refused', 'cancelled']),
  /** Why RP DRN refused to register the request (a code the portal translates); null otherwise. */
  refusalReason: z.enum(['document_invalidated', 'application_in_progress']).nullable(),
  createdAt: z.date(),
});
export type ProductionOrder = z.infer<typeof productionOrderSchema>;
export type RpDrnRefusal = NonNullable<ProductionOrder['refusalReason']>;

/** Step 13: the signed request, registered with RP DRN before the duty is settled. */
export type IdCardRequest = { reference: string; iin: string; registrationPointId: number };

/**
 * Step 18: what the production centre needs to personalise the card, sent only after UMS DP approved it: the
 * application's personal data (as GBD FL has it; only the country of birth is printed, order 002 p.5 (4)), the
 * photo and the signature sample themselves, and where the card is picked up.
 */
export type IdCardProductionOrder = {
  ticket: string;
  person: {
    iin: string;
    surname: string;
    givenName: string;
    patronymic: string | null;
    surnameLat: string;
    givenNameLat: string;
    birthDate: string;
    sex: 'male' | 'female';
    birthCountry: string;
  };
  photo: { bytes: Uint8Array; mimeType: string };
  signatureSample: { bytes: Uint8Array; mimeType: string };
  registrationPointId: number;
};

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
 * RP DRN / IPC: ID-card registration and production (§5 steps 13, 18) and SRTS printing (order 000 p.6, §3 step
 * 19). Each call is idempotent on its key (the reference, the ticket), so a retry after a timeout never registers or
 * makes two cards. The order's status moves on at the factory: the portal asks `status` until it reports `ready`.
 */
export interface DocumentProduction {
  /** Step 13: the registration ticket, or a refusal (status `refused` with its reason). */
  registerIdCard(request: IdCardRequest): Promise<ProductionOrder>;
  /** Step 18: the production order for a registered ticket; null when RP DRN has no such ticket. */
  orderIdCard(order: IdCardProductionOrder): Promise<ProductionOrder | null>;
  /**
   * The citizen withdrew the request: a `registered` ticket is cancelled (idempotent: a cancelled one answers as it
   * is); a ticket already ordered for production is not (answered as it is). Null when RP DRN has no such ticket.
   */
  cancelIdCard(ticket: string): Promise<ProductionOrder | null>;
  /** Order 000 p.6: the SRTS print order with what the printing house needs. */
  orderSrts(order: SrtsPrintOrder): Promise<ProductionOrder>;
  /** Where the order is now: production status comes back from RP DRN, not from the portal's clock. */
  status(orderId: string): Promise<ProductionOrder | null>;
}
