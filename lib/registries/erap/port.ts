import { z } from 'zod';

export const fineSchema = z.object({
  /** ERAP's own reference, shown so the person can pay exactly that fine. */
  id: z.string(),
  amountTiyn: z.number().int(),
  articleKk: z.string(),
  articleRu: z.string(),
  issuedOn: z.iso.date(),
});
export type Fine = z.infer<typeof fineSchema>;

/** ERAP, administrative proceedings. An empty list means no unpaid fines (SPEC §3 step 14). */
export interface AdministrativeFines {
  unpaidFines(iin: string): Promise<Fine[]>;
}
