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

const bilingual = z.object({ kk: z.string(), ru: z.string() });

/** One dwelling of the address register, by the levels a person picks it through (region → locality → street → house → flat). */
export const addressEntrySchema = z.object({
  cadastralNumber: z.string(),
  regionCode: z.string(),
  kind: z.enum(['flat', 'house']),
  locality: bilingual,
  street: bilingual,
  house: z.string(),
  flat: z.string().nullable(),
});
export type AddressEntry = z.infer<typeof addressEntrySchema>;

/** The levels chosen so far; each level's key is its Russian name (`locality.ru`, `street.ru`), the house its number. */
export type AddressQuery = { regionCode: string; locality?: string; street?: string; house?: string };

/** The real-estate cadastre (SPEC §6: the dwelling, its area for the Astana norm, its owners). */
export interface Cadastre {
  findProperty(cadastralNumber: string): Promise<Property | null>;
  /** Dwellings the person owns a share in. */
  propertiesOf(iin: string): Promise<Property[]>;
  /** The dwellings under the levels chosen so far, sorted by locality, street, house, flat (at most 500). */
  searchAddresses(query: AddressQuery): Promise<AddressEntry[]>;
}
