// Steps 1–7 of order 002 (SPEC §5) over the registry ports: consent, GBD FL and BMG, Digital-ID liveness,
// capacity, ZAGS changes, permanent registration and the renewal window. Each check yields a line; every "no" is
// a "go to a CON" with its reason, because the online service cannot help that person (the order's wording).
import type { RegistrySystem } from '@/db/schema/registry-ops';
import { checkRun, type CheckRun } from '@/lib/applications/check-run';
import type { Registries } from '@/lib/registries';
import type { Person } from '@/lib/registries/gbd-fl/port';
import { consentAnswer, verifyPhoneWithBmg } from './consent-step';
import type { BiometricSample } from '@/lib/registries/digital-id/port';
import { renewalWindow, renewalWindowDates, tooEarlyParams } from './eligibility';

export type GoToCon =
  | 'id_card_consent_refused'
  | 'id_card_consent_unanswered'
  | 'id_card_phone_mismatch'
  | 'id_card_person_not_found'
  | 'id_card_liveness_failed'
  | 'id_card_incapable'
  | 'id_card_civil_change'
  | 'id_card_no_registration'
  | 'id_card_no_card'
  | 'id_card_too_early'
  | 'id_card_too_late'
  | 'id_card_not_citizen';

/** All passed: the person as GBD FL has them, and the phone BMG confirmed; else the stop's code is a `GoToCon`. */
export type Eligibility = CheckRun<{ person: Person; phone: string }>;

/** Who asks: the person, the consent service's request they answered, and the phone they entered (step 2). */
export type Applicant = { iin: string; consentId: string; phone: string };

/**
 * Steps 1–7: the consent service's answer (step 1), then the registries. Stops at the first "no"; an
 * unanswered registry throws RegistryUnavailableError (the caller decides between "try again" and point 12's
 * "go to a CON" after 10 minutes).
 */
export async function checkEligibility(
  reg: Registries,
  applicant: Applicant,
  today: string,
  livenessSample: BiometricSample,
): Promise<Eligibility> {
  const { iin, phone } = applicant;
  const run = checkRun();
  const stop = (step: number, system: RegistrySystem, reason: GoToCon) => run.stop(step, system, reason);
  const answer = await consentAnswer(reg, iin, applicant.consentId);
  if (answer === 'refused') return stop(1, 'consent', 'id_card_consent_refused');
  if (answer === 'unanswered') return stop(1, 'consent', 'id_card_consent_unanswered');
  run.pass(1, 'consent', 'id_card_consent_given');

  const person = await reg.gbdFl.findPerson(iin);
  if (!person || person.deceased) return stop(2, 'gbd_fl', 'id_card_person_not_found');
  // Order 002 p.2 (4): the service is for citizens of the Republic of Kazakhstan.
  if (person.citizenship !== 'KZ') return stop(2, 'gbd_fl', 'id_card_not_citizen');
  run.pass(2, 'gbd_fl', 'id_card_person_found');
  if (!(await verifyPhoneWithBmg(reg, iin, phone))) return stop(2, 'bmg', 'id_card_phone_mismatch');
  run.pass(2, 'bmg', 'id_card_phone_verified');

  const live = await reg.digitalId.liveness(iin, livenessSample);
  if (!live?.passed) return stop(3, 'digital_id', 'id_card_liveness_failed');
  run.pass(3, 'digital_id', 'id_card_liveness_passed');

  return (await checkStanding(run, reg, person, today)) ?? run.done({ person, phone });
}

/**
 * Steps 4–7 over the person GBD FL gave: capacity (GBD FL + E-Sobes), the current card (and, at signing, that it is
 * still the one the draft was opened for), ZAGS changes since it, permanent registration, the window. Adds the lines
 * to `run`; the stop, or null when all pass. Shared by the start (`checkEligibility`) and the re-check at signing.
 */
export async function checkStanding(
  run: ReturnType<typeof checkRun>,
  reg: Registries,
  person: Person,
  today: string,
  cardNumber?: string,
): Promise<CheckRun<never> | null> {
  const stop = (step: number, system: RegistrySystem, reason: GoToCon) => run.stop(step, system, reason);
  const guardianship = await reg.esobes.guardianship(person.iin);
  if (!person.capable || guardianship?.incapable) return stop(4, 'esobes', 'id_card_incapable');
  run.pass(4, 'esobes', 'id_card_capable');

  if (person.document.type !== 'id_card' || (cardNumber !== undefined && person.document.number !== cardNumber))
    return stop(7, 'gbd_fl', 'id_card_no_card');
  const changes = await reg.zags.changesSince(person.iin, person.document.issuedOn);
  if (changes.length) return stop(5, 'zags', 'id_card_civil_change');
  run.pass(5, 'zags', 'id_card_no_civil_change');

  if (!person.permanentAddress) return stop(6, 'gbd_fl', 'id_card_no_registration');
  run.pass(6, 'gbd_fl', 'id_card_registered');

  const window = renewalWindow(person.document.expiresOn, today);
  // Too early: the message says from which day to apply online (issue 15); too late: the order's "go to a CON",
  // with the last day online on the page.
  if (window === 'too_early') return run.stop(7, 'gbd_fl', 'id_card_too_early', tooEarlyParams(person.document.expiresOn));
  if (window === 'too_late')
    return run.stop(7, 'gbd_fl', 'id_card_too_late', { onlineUntil: renewalWindowDates(person.document.expiresOn).closesOn });
  run.pass(7, 'gbd_fl', 'id_card_window_open');
  return null;
}
