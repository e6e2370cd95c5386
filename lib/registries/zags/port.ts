import { z } from 'zod';
import type { CivilRecords } from '@/lib/residence/kinship';

export const civilChangeSchema = z.object({
  kind: z.enum(['name', 'birth_date', 'nationality']),
  changedOn: z.iso.date(),
  /** What changed (e.g. old/new surname); free-form as ZAGS records it. */
  details: z.record(z.string(), z.string()),
});
export type CivilChange = z.infer<typeof civilChangeSchema>;

/**
 * ZAGS, the civil registry. The kinship rules (§7.4) see it only as CivilRecords, so they are tested
 * with an in-memory fake; ID-card renewal (§5 step 5) also asks what changed since the current card.
 */
export interface Zags extends CivilRecords {
  /** Changes of surname, name, patronymic, birth date or nationality on or after `sinceDate`. */
  changesSince(iin: string, sinceDate: string): Promise<CivilChange[]>;
}
