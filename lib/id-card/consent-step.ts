// Steps 1 and 2 of order 002 p.3 as their own functions, so a caller (point 12's outage handling) can wrap each:
// the consent service's answer to the portal's request, and BMG's check of the number the citizen gave.
import type { Registries } from '@/lib/registries';

export const CONSENT_PURPOSE = 'id_card_renewal';

/** What the consent service says of request `consentId` for this person: only a granted one lets the checks run. */
export type ConsentAnswer = 'granted' | 'refused' | 'unanswered';

export async function consentAnswer(reg: Registries, iin: string, consentId: string): Promise<ConsentAnswer> {
  const consent = await reg.consent.status(consentId);
  // Another person's or another service's request is no answer to this one.
  if (!consent || consent.iin !== iin || consent.purpose !== CONSENT_PURPOSE) return 'unanswered';
  return consent.status === 'requested' ? 'unanswered' : consent.status;
}

/** Step 2, BMG "by the phone number": the number the citizen entered must be the one BMG holds for the IIN. */
export async function verifyPhoneWithBmg(reg: Registries, iin: string, phone: string): Promise<boolean> {
  return reg.bmg.verifyPhone(iin, phone);
}
