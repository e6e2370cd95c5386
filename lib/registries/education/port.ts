import { z } from 'zod';

export const studentRecordSchema = z.object({
  /** NOBD: schools and colleges; EPVO: higher education. */
  source: z.enum(['nobd', 'epvo']),
  institutionKk: z.string(),
  institutionRu: z.string(),
  regionCode: z.string(),
  fullTime: z.boolean(),
  fromDate: z.iso.date(),
  toDate: z.iso.date(),
});
export type StudentRecord = z.infer<typeof studentRecordSchema>;

/**
 * NOBD and EPVO together: the residence pilot (§6 step 7) needs full-time study in Astana and does
 * not care which database says so. Past records are included; the caller checks the period.
 */
export interface Education {
  studentRecords(iin: string): Promise<StudentRecord[]>;
}
