import { z } from 'zod';

// Result schemas double as the contract a real adapter parses the external answer with.
export const businessSchema = z.object({
  bin: z.string(),
  nameKk: z.string(),
  nameRu: z.string(),
  /** OKED codes as `45.11`; SPEC §3 step 1 matches them against `oked_allowed`. */
  okeds: z.array(z.string()),
  directorIin: z.string(),
  regionCode: z.string(),
});
export type Business = z.infer<typeof businessSchema>;

/** The state business registry. */
export interface BusinessRegistry {
  findByBin(bin: string): Promise<Business | null>;
}
