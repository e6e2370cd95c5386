// Step 7 "at every step" (order 002 p.7): the window is counted again when the citizen signs (step 12), and so is
// everything of steps 2–6 whose data can change while a draft waits: GBD FL (the person, the card, the
// registration), E-Sobes (capacity) and ZAGS (a change of name since the card). Consent (step 1), BMG's phone
// check (step 2) and Digital-ID's liveness (step 3) were acts of the start, not data, and are not asked again.
import type { RegistrySystem } from '@/db/schema/registry-ops';
import { checkRun, type CheckRun } from '@/lib/applications/check-run';
import type { Registries } from '@/lib/registries';
import { checkStanding, type GoToCon } from './check-runs';

/** The card the draft was opened for: a different one in GBD FL now means the draft no longer applies. */
export type DraftCard = { iin: string; currentCardNumber: string };

export async function recheckAtSigning(reg: Registries, card: DraftCard, today: string): Promise<CheckRun<null>> {
  const run = checkRun();
  const stop = (step: number, system: RegistrySystem, reason: GoToCon) => run.stop<null>(step, system, reason);
  const person = await reg.gbdFl.findPerson(card.iin);
  if (!person || person.deceased) return stop(2, 'gbd_fl', 'id_card_person_not_found');
  if (person.citizenship !== 'KZ') return stop(2, 'gbd_fl', 'id_card_not_citizen');
  run.pass(2, 'gbd_fl', 'id_card_person_found');
  return (await checkStanding(run, reg, person, today, card.currentCardNumber)) ?? run.done(null);
}
