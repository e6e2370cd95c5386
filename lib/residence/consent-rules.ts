// The owners' consent (order 003, SPEC §6 "the owner(s) give consent in their cabinet") as pure rules: when a
// request is reminded and when it expires (pilot_settings.residence params, admin-editable), what an answer does to
// a request and to the application, how an owner's and an applicant's name are shown. The order itself is silent on
// the consent's timing: docs/decisions.md records the choices.
import type { consentStatuses, residenceConsents } from '@/db/schema/residence';

export type ConsentStatus = (typeof consentStatuses)[number];
export type ConsentAnswer = 'consent' | 'decline';
/** A request as stored (`loadResidence(...).consents`). */
export type ConsentRow = typeof residenceConsents.$inferSelect;

/** Why the owners' consent ended an application (Residence.refusal.<code>): one declined, or nobody answered in time. */
export const consentRefusalCodes = ['owner_declined', 'consent_expired'] as const;
export type ConsentRefusalCode = (typeof consentRefusalCodes)[number];

const HOUR = 3_600_000;

/** The consent timing of the pilot's settings; a missing or nonsensical value falls back to the seeded default. */
export function consentTiming(params: Record<string, unknown> | null | undefined) {
  const hours = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback);
  return { ttlHours: hours(params?.consentTtlHours, 72), reminderHours: hours(params?.consentReminderHours, 24) };
}

type Timed = { status: ConsentStatus; requestedAt: Date; expiresAt: Date; remindedAt: Date | null };

/** When the reminder goes: `reminderHours` before the expiry. */
export function reminderAt(c: Pick<Timed, 'expiresAt'>, reminderHours: number): Date {
  return new Date(c.expiresAt.getTime() - reminderHours * HOUR);
}

/**
 * Remind once, from `reminderHours` before the expiry until the expiry itself. A request whose reminder time is
 * at or before the request itself is never reminded: the request's own SMS already said when it ends.
 */
export function reminderDue(c: Timed, now: Date, reminderHours: number): boolean {
  if (c.status !== 'requested' || c.remindedAt) return false;
  const at = reminderAt(c, reminderHours);
  return at > c.requestedAt && now >= at && now < c.expiresAt;
}

/** An unanswered request ends at its `expiresAt` (inclusive): from then on it can no longer be answered. */
export function expiryDue(c: Pick<Timed, 'status' | 'expiresAt'>, now: Date): boolean {
  return c.status === 'requested' && now >= c.expiresAt;
}

/** Whole hours left, rounded up (the reminder says "within N hours"); never below 1 while the request is open. */
export function hoursLeft(expiresAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / HOUR));
}

/**
 * What an owner's answer does to their request: `apply` it; the `same` answer again is a no-op (a double submit);
 * the other answer after one was given is a `conflict`; a request that expired or was closed is `closed`.
 */
export function answerEffect(status: ConsentStatus, answer: ConsentAnswer): 'apply' | 'same' | 'conflict' | 'closed' {
  if (status === 'requested') return 'apply';
  if (status === 'consented') return answer === 'consent' ? 'same' : 'conflict';
  if (status === 'declined') return answer === 'decline' ? 'same' : 'conflict';
  return 'closed';
}

/**
 * The application after an answer, from all of its requests: one refusal ends it (`owner_declined`), the last
 * consent makes it ready to sign (`all_consented`), anything else still waits.
 */
export function applicationEffect(statuses: readonly ConsentStatus[]): 'all_consented' | 'owner_declined' | 'waiting' {
  if (statuses.includes('declined')) return 'owner_declined';
  if (statuses.length > 0 && statuses.every((s) => s === 'consented')) return 'all_consented';
  return 'waiting';
}

export const DECLINE_REASON_MIN = 5;
export const DECLINE_REASON_MAX = 500;

/** The owner's reason for refusing, which the applicant reads: required, a few words at least. */
export function declineReasonProblem(reason: string): string | null {
  const r = reason.trim();
  if (!r) return 'residence_consent_reason_required';
  if (r.length < DECLINE_REASON_MIN) return 'residence_consent_reason_short';
  if (r.length > DECLINE_REASON_MAX) return 'residence_consent_reason_long';
  return null;
}

type Name = { surname: string; givenName: string; patronymic?: string | null };

/** «Ділдәбеков Мақсат Қайратұлы»: the full name, as the owner deciding on a person's registration sees it. */
export function fullName(n: Name | null | undefined): string {
  if (!n) return '—';
  return [n.surname, n.givenName, n.patronymic].filter(Boolean).join(' ');
}

/** A share in thousandths as a fraction when it is a simple one (500 → 1/2, 333 → 1/3), else a percentage. */
export function shareLabel(milli: number): string {
  if (milli >= 1000) return '1/1';
  for (let d = 2; d <= 12; d++) {
    const n = Math.round((milli * d) / 1000);
    if (n > 0 && Math.abs((n * 1000) / d - milli) <= 1) return `${n}/${d}`;
  }
  return `${(milli / 10).toLocaleString('en-US', { maximumFractionDigits: 1 })} %`;
}

export type ConsentDocumentInput = {
  number: string;
  consentId: string;
  ownerIin: string;
  /** The applicant as the owner sees them: full name and masked IIN. */
  applicant: string;
  cadastralNumber: string;
  address: string;
  shareMilli: number;
  service: 'permanent' | 'temporary';
  stayFrom: string | null;
  stayUntil: string | null;
  locale: 'kk' | 'ru';
  /** The sentence the owner signs, in their language (ResidenceConsent.statement.*). */
  statement: string;
};

/** Exactly what the owner's EDS signs: the consent, to whom, for which dwelling and service, in words and in data. */
export function consentDocument(i: ConsentDocumentInput) {
  return { kind: 'residence.owner_consent', ...i };
}
