// Pure rules of the citizen's online registration (order 003, SPEC §6): the period of a temporary registration,
// what the period is at signing, the step an application is at, and when an untouched application expires.
// Dates are local `YYYY-MM-DD` (Asia/Almaty).
import { addDays } from '@/lib/calendar/deadline';
import type { ResidenceState } from './machine';

/** The stay may start at most this many days ahead (docs/decisions.md). */
export const STAY_START_AHEAD_DAYS = 30;

/** The same day one year later (29 Feb → 1 Mar). */
export function addYear(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

/** The last day a stay that starts on `from` may run to: one year counted inclusively (1 Mar → 28 Feb). */
export const lastStayDay = (from: string) => addDays(addYear(from), -1);

export type StayProblem =
  'residence_stay_from_past' | 'residence_stay_from_too_far' | 'residence_stay_until_before_from' | 'residence_stay_too_long';

/**
 * A temporary registration's period as chosen (docs/decisions.md): it starts today or within 30 days, ends on or
 * after its first day, and lasts at most a year. Null when it is allowed; otherwise the field and the reason.
 */
export function stayProblem(from: string, until: string, today: string): { field: 'stayFrom' | 'stayUntil'; code: StayProblem } | null {
  if (from < today) return { field: 'stayFrom', code: 'residence_stay_from_past' };
  if (from > addDays(today, STAY_START_AHEAD_DAYS)) return { field: 'stayFrom', code: 'residence_stay_from_too_far' };
  if (until < from) return { field: 'stayUntil', code: 'residence_stay_until_before_from' };
  if (until > lastStayDay(from)) return { field: 'stayUntil', code: 'residence_stay_too_long' };
  return null;
}

/**
 * The period GBD FL records at signing: the stay cannot start in the past, so a start day that went by while the
 * owners were answering becomes today; a stay whose last day has gone by cannot be registered any more.
 */
export function stayAtSigning(from: string, until: string, today: string): { from: string; until: string } | null {
  if (until < today) return null;
  return { from: from < today ? today : from, until };
}

/**
 * Why signing can refuse (lib/residence/citizen-service.ts `recheckAtSigning`): what changed since the draft was
 * finished. Each has its text (Residence.refusal.<code>) and its error (Errors.residence_refused_<code>).
 */
export const signingRefusals = [
  'applicant_not_in_gbd_fl',
  'dwelling_gone',
  'owners_changed',
  'not_for_this_dwelling',
  'consent_missing',
  'stay_ended',
  'astana_norm',
] as const;
export type SigningRefusal = (typeof signingRefusals)[number];

/** The region of Astana (order 003 chapter 3): its extra steps before the arrival form. */
export const ASTANA_REGION = '01';

export type NextStep = 'dwelling' | 'astana' | 'form' | 'finish' | 'consent' | 'sign' | 'done' | 'closed';

/** Where the application is, for the page's "next step" and its links. */
export function nextStep(a: {
  status: ResidenceState;
  cadastralNumber: string | null;
  regionCode: string | null;
  astanaPassed: boolean;
  formSaved: boolean;
}): NextStep {
  switch (a.status) {
    case 'draft':
      if (!a.cadastralNumber) return 'dwelling';
      if (a.regionCode === ASTANA_REGION && !a.astanaPassed) return 'astana';
      return a.formSaved ? 'finish' : 'form';
    case 'awaiting_owner_consent':
      return 'consent';
    case 'ready_to_sign':
      return 'sign';
    case 'registered':
      return 'done';
    default:
      return 'closed';
  }
}

/** Statuses that expire when nobody touched them for the pilot's `draftTtlDays`. */
export const expiringStatuses: readonly ResidenceState[] = ['draft', 'ready_to_sign'];

/** Statuses the applicant may withdraw from. */
export const withdrawableStatuses: readonly ResidenceState[] = ['draft', 'awaiting_owner_consent', 'ready_to_sign'];

/** Untouched for `ttlDays` full days: the sweep expires it. */
export function isStale(updatedAt: Date, now: Date, ttlDays: number): boolean {
  return now.getTime() - updatedAt.getTime() >= ttlDays * 86_400_000;
}
