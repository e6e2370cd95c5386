// Step 7 "at every step" (order 002 p.7): the window is counted again when the citizen signs (step 12), and so is
// everything of steps 2–6 whose data can change while a draft waits: GBD FL (the person, the card, the
// registration), E-Sobes (capacity) and ZAGS (a change of name since the card). Consent (step 1), BMG's phone
// check (step 2) and Digital-ID's liveness (step 3) were acts of the start, not data, and are not asked again.
import type { RegistrySystem } from '@/db/schema/registry-ops';
import { checkRun, type CheckRun } from '@/lib/applications/check-run';
import type { Registries } from '@/lib/registries';
import type { GoToCon } from './check-runs';
import { renewalWindow } from './eligibility';

/** The card the draft was opened for: a different one in GBD FL now means the draft no longer applies. */
export type DraftCard = { iin: string; currentCardNumber: string };

export async function recheckAtSigning(reg: Registries, card: DraftCard, today: string): Promise<CheckRun<null>> {
  const run = checkRun();
  const stop = (step: number, system: RegistrySystem, reason: GoToCon) => run.stop<null>(step, system, reason);
  const person = await reg.gbdFl.findPerson(card.iin);
  if (!person || person.deceased) return stop(2, 'gbd_fl', 'id_card_person_not_found');
  if (person.citizenship !== 'KZ') return stop(2, 'gbd_fl', 'id_card_not_citizen');
  run.pass(2, 'gbd_fl', 'id_card_person_found');
  const guardianship = await reg.esobes.guardianship(card.iin);
  if (!person.capable || guardianship?.incapable) return stop(4, 'esobes', 'id_card_incapable');
  run.pass(4, 'esobes', 'id_card_capable');
  if (person.document.type !== 'id_card' || person.document.number !== card.currentCardNumber) return stop(7, 'gbd_fl', 'id_card_no_card');
  const changes = await reg.zags.changesSince(card.iin, person.document.issuedOn);
  if (changes.length) return stop(5, 'zags', 'id_card_civil_change');
  run.pass(5, 'zags', 'id_card_no_civil_change');
  if (!person.permanentAddress) return stop(6, 'gbd_fl', 'id_card_no_registration');
  run.pass(6, 'gbd_fl', 'id_card_registered');
  const window = renewalWindow(person.document.expiresOn, today);
  if (window === 'too_early') return stop(7, 'gbd_fl', 'id_card_too_early');
  if (window === 'too_late') return stop(7, 'gbd_fl', 'id_card_too_late');
  run.pass(7, 'gbd_fl', 'id_card_window_open');
  return run.done(null);
}
