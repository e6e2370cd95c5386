// What Astana's extra steps (order 003 p.9–10, steps 1–7) found, kept on the application so the decision page, the
// timeline and the print view explain the outcome in numbers and names. Owned by the Astana decision
// (lib/residence/astana-service.ts); everyone else only reads it.
import type { StudentRecord } from '@/lib/registries/education/port';
import type { KinshipClaim } from './kinship';

/** Step 4: what the applicant states they are to the owner — a kinship claim, or a full-time student. */
export type AstanaClaim = KinshipClaim | { relation: 'student' };

/** One person of the kinship chain (applicant first, owner last), with the ZAGS act that links them to the next. */
export type ChainLink = {
  iin: string;
  /** Masked as a real portal would (Серік Б.), in both languages. */
  nameKk: string;
  nameRu: string;
  /** The act linking this person to the next one of the chain (birth or marriage record); null for the last. */
  act: { kind: 'birth' | 'marriage'; number: string; registeredOn: string } | null;
};

export type AstanaOutcome =
  /** Step 3: one more person fits — straight to the arrival form. */
  | 'within_norm'
  /** Step 3 reached the norm: waiting for the applicant's claim (step 4). */
  | 'claim_needed'
  /** Steps 5–6 / 7 passed: on to the arrival form. */
  | 'kinship_confirmed'
  | 'student_confirmed'
  /** Step 6 failed: «родственная связь не найдена; актуализируйте актовую запись». */
  | 'kinship_not_found'
  /** Step 7 failed: no full-time study in Astana now — the service cannot be provided. */
  | 'no_full_time_study';

export type AstanaDecision = {
  checkedAt: string;
  /** Step 1 (cadastre), step 2 (GBD FL), step 3 (the maslikhat's norm and its decision). */
  totalAreaM2: number;
  registeredCount: number;
  normM2PerPerson: number;
  normDecision: { date: string; number: string | null };
  /** floor(area ÷ norm): how many people the dwelling takes. */
  places: number;
  withinNorm: boolean;
  claim: AstanaClaim | null;
  /** Steps 5–6: the chain found, or what was searched when none was. */
  kinship: { confirmed: boolean; chain: ChainLink[]; searched: string[] } | null;
  /** Step 7: the NOBD/EPVO record that decided it. */
  student: { confirmed: boolean; record: StudentRecord | null } | null;
  outcome: AstanaOutcome;
};

/** Outcomes after which the application may go on to the arrival form. */
export const astanaPasses: readonly AstanaOutcome[] = ['within_norm', 'kinship_confirmed', 'student_confirmed'];
