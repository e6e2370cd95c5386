import { z } from 'zod';

export const vehiclePassportSchema = z.object({
  vin: z.string(),
  make: z.string(),
  model: z.string(),
  year: z.number().int(),
  category: z.string(),
  colourKk: z.string(),
  colourRu: z.string(),
  engine: z.string(),
  bodyNumber: z.string(),
  massKg: z.number().int(),
  manufacturerBin: z.string().nullable(),
  /** ЭПТС status (`active`, …); the vehicle pilot decides which ones allow registration. */
  status: z.string(),
});
export type VehiclePassport = z.infer<typeof vehiclePassportSchema>;

/** Electronic vehicle passports (ЭПТС). */
export interface VehiclePassports {
  findByVin(vin: string): Promise<VehiclePassport | null>;
}
