// Pure rules of the CON path of order 003 (chapter 2, p.3–8) (the owner's age: ./person.ts): whether an owner is one the
// operating hall serves (p.4: a minor or a legally incapable person), where reception sends the visitor (p.4 / p.5),
// who may act as the owner's legal representative (p.7), the e-queue ticket code, the temporary period, the address
// certificate's number and the application the worker signs. No database: lib/residence/con-service.ts feeds them.
import type { ArrivalForm } from './arrival-form';
import type { AstanaDecision } from './astana-types';
import type { ConIntake, OwnerIncapacity } from './con-types';
import { isMinorOn } from './person';

/**
 * p.4, p.6: why this owner cannot act alone, or null for an owner who can (p.5, p.8). A minor by the GBD FL birth
 * date; legally incapable by E-Sobes (or GBD FL's own mark). A minor is a minor first: the parents represent them.
 */
export function ownerIncapacity(
  person: { birthDate: string; capable: boolean },
  guardianship: { incapable: boolean } | null,
  today: string,
): OwnerIncapacity | null {
  if (isMinorOn(person.birthDate, today)) return 'minor';
  if (guardianship?.incapable || !person.capable) return 'incapable';
  return null;
}

/** p.4 / p.5: any owner a minor or incapable → the operating hall; otherwise the online service (self-service sector). */
export function receptionOutcome(owners: readonly { incapacity: OwnerIncapacity | null }[]): 'operating_hall' | 'online' {
  return owners.some((o) => o.incapacity !== null) ? 'operating_hall' : 'online';
}

/**
 * p.7: the representative's authority. A minor's parent (ZAGS: the mother or father on the birth act) or the guardian
 * E-Sobes names (a minor without parental care, an adult declared incapable). An incapable adult's parent is not
 * their representative by being a parent: only the guardian is. Null → the person is not the legal representative.
 */
export function representativeBasis(input: {
  representativeIin: string;
  ownerIin: string;
  incapacity: OwnerIncapacity;
  parents: { mother?: string | null; father?: string | null };
  guardianIin: string | null;
}): 'parent' | 'guardian' | null {
  const rep = input.representativeIin;
  // ZAGS leaves an unknown parent out or empty: such a parent matches nobody.
  if (!rep || rep === input.ownerIin) return null;
  if (input.incapacity === 'minor' && (input.parents.mother === rep || input.parents.father === rep)) return 'parent';
  if (input.guardianIin === rep) return 'guardian';
  return null;
}

/** The operating hall's residence tickets: … per CON and day (vehicles are B-…, machinery M-…). */
export const residenceTicketCode = (seq: number) => `R-${String(seq).padStart(3, '0')}`;

/** The longest temporary registration this desk records, in days (docs/decisions.md). */
export const MAX_STAY_DAYS = 366;

const dayMs = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/**
 * A temporary stay's period: it starts today or later, ends on or after its start, and lasts at most a year. Returns
 * the message code of the first problem (Errors.residence_con_…), or null.
 */
export function stayPeriodProblem(from: string, until: string, today: string): string | null {
  if (from < today) return 'residence_con_stay_in_past';
  if (until < from) return 'residence_con_stay_order';
  if (days(from, until) > MAX_STAY_DAYS) return 'residence_con_stay_too_long';
  return null;
}

/** What still stands in the way of the worker's signature (p.7), in the order of the page's steps. */
export function signBlockers(s: {
  astana: AstanaDecision | null;
  inAstana: boolean;
  arrivalForm: ArrivalForm | null;
}): ('astana' | 'arrival_form')[] {
  const out: ('astana' | 'arrival_form')[] = [];
  if (s.inAstana && (!s.astana || !['within_norm', 'kinship_confirmed', 'student_confirmed'].includes(s.astana.outcome)))
    out.push('astana');
  if (!s.arrivalForm) out.push('arrival_form');
  return out;
}

export type ConDocumentInput = {
  number: string;
  serviceCentreId: number;
  operatorIin: string;
  applicantIin: string;
  kind: 'permanent' | 'temporary';
  stayFrom: string | null;
  stayUntil: string | null;
  cadastralNumber: string;
  intake: ConIntake;
  astana: AstanaDecision | null;
  arrivalForm: ArrivalForm;
};

/**
 * p.7: the application as the worker signs it, rebuilt from the stored application so the server verifies the CMS
 * over exactly these bytes (canonical JSON). It names the owner, the representative and their authority, the
 * biometric samples' hashes, Astana's outcome in numbers and the arrival form.
 */
export function conDocument(i: ConDocumentInput) {
  return {
    kind: 'qyzmet.residence.con',
    number: i.number,
    serviceCentre: i.serviceCentreId,
    operator: i.operatorIin,
    service: i.kind,
    period: i.kind === 'temporary' ? { from: i.stayFrom, until: i.stayUntil } : null,
    dwelling: i.cadastralNumber,
    applicant: i.applicantIin,
    owner: { iin: i.intake.ownerIin, incapacity: i.intake.ownerIncapacity },
    representative: {
      iin: i.intake.representativeIin,
      basis: i.intake.representativeBasis,
      authority: i.intake.authority,
      documentNumber: i.intake.identityDocumentNumber,
      biometricSampleSha256: i.intake.biometrics.sampleSha256,
    },
    applicantIdentity: i.intake.applicant
      ? { documentNumber: i.intake.applicant.identityDocumentNumber, biometricSampleSha256: i.intake.applicant.biometrics.sampleSha256 }
      : null,
    astana: i.astana
      ? {
          totalAreaM2: i.astana.totalAreaM2,
          registeredCount: i.astana.registeredCount,
          normM2PerPerson: i.astana.normM2PerPerson,
          outcome: i.astana.outcome,
          claim: i.astana.claim,
        }
      : null,
    arrivalForm: i.arrivalForm,
  };
}
