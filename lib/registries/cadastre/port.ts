import { z } from 'zod';

export const propertySchema = z.object({
  cadastralNumber: z.string(),
  regionCode: z.string(),
  addressKk: z.string(),
  addressRu: z.string(),
  kind: z.enum(['flat', 'house']),
  totalAreaM2: z.number(),
  /** Shares in thousandths (1000 = sole owner); owners sorted by IIN for a stable display. */
  owners: z.array(z.object({ iin: z.string(), shareMilli: z.number().int() })),
});
export type Property = z.infer<typeof propertySchema>;

/** The real-estate cadastre (SPEC §6: the dwelling, its area for the Astana norm, its owners). */
export interface Cadastre {
  findProperty(cadastralNumber: string): Promise<Property | null>;
  /** Dwellings the person owns a share in. */
  propertiesOf(iin: string): Promise<Property[]>;
}
