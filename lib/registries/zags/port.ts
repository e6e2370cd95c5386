import { z } from 'zod';
import type { CivilRecords } from '@/lib/residence/kinship';

export const civilChangeSchema = z.object({
  kind: z.enum(['name', 'birth_date', 'nationality']),
  changedOn: z.iso.date(),
  /** What changed (e.g. old/new surname); free-form as ZAGS records it. */
  details: z.record(z.string(), z.string()),
});
export type CivilChange = z.infer<typeof civilChangeSchema>;

/** A civil act as ZAGS holds it: its number and registration date (the Astana decision page cites them). */
export const civilActSchema = z.object({ number: z.string(), registeredOn: z.iso.date() });
export type CivilAct = z.infer<typeof civilActSchema>;

/**
 * ZAGS, the civil registry. The kinship rules (§7.4) see it only as CivilRecords, so they are tested
 * with an in-memory fake; ID-card renewal (§5 step 5) also asks what changed since the current card.
 */
export interface Zags extends CivilRecords {
  /** Changes of surname, name, patronymic, birth date or nationality on or after `sinceDate`. */
  changesSince(iin: string, sinceDate: string): Promise<CivilChange[]>;
  /** The birth act of a person (it names their parents), or null. */
  birthAct(childIin: string): Promise<CivilAct | null>;
  /** The act of a current (not dissolved) marriage between the two, or null. */
  marriageAct(iinA: string, iinB: string): Promise<CivilAct | null>;
}
