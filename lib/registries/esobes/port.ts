import { z } from 'zod';

export const guardianshipSchema = z.object({
  incapable: z.boolean(),
  guardianIin: z.string().nullable(),
  /** The court decision or act the guardianship rests on, as E-Sobes words it. */
  basisKk: z.string().nullable(),
  basisRu: z.string().nullable(),
});
export type Guardianship = z.infer<typeof guardianshipSchema>;

/** E-Sobes: incapacity and guardianship. null = no record, i.e. nothing known against capacity. */
export interface SocialProtection {
  guardianship(iin: string): Promise<Guardianship | null>;
}
