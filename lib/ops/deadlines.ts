// The deadline an application's page shows, and which of them a citizen can act on (issue 17). Pure: the pages and
// the reminder job give it what they loaded. The times are the pilots' own: the machinery akimat's one working day
// (applications.deadline_at, already in working time: lib/calendar/deadline.ts), the vehicle buyer's expiry
// (buyerExpiryDays after the dealer's signature) and the residence owners' consent expiry (consentTtlHours).
import { waitingForBuyer } from '@/lib/vehicle-registration/machine';

export type DeadlineKind = 'machinery_decision' | 'vehicle_buyer' | 'residence_consent' | 'id_card_draft' | 'id_card_decision';

/** `actionable`: the person the page is for can still do something before it (the buyer signs; the akimat decides). */
export type Deadline = { kind: DeadlineKind; at: Date; actionable: boolean };

export type DeadlineFacts = {
  pilot: string;
  status: string;
  /** applications.deadline_at (machinery: the akimat's decision). */
  deadlineAt?: Date | null;
  /** vehicle_applications.expires_at (the buyer's time to finish). */
  buyerExpiresAt?: Date | null;
  /** The residence owners' consent requests. */
  consents?: readonly { status: string; expiresAt: Date | null }[];
  /** An ID-card draft's expiry (its last change + the pilot's draftTtlDays). */
  draftExpiresAt?: Date | null;
  /** UMS DP's decision on an ID card (one working day from the hand-over: lib/id-card/decision-deadline.ts). */
  decisionDueAt?: Date | null;
};

export function applicationDeadline(a: DeadlineFacts): Deadline | null {
  if (a.pilot === 'machinery' && a.status === 'under_review' && a.deadlineAt)
    return { kind: 'machinery_decision', at: a.deadlineAt, actionable: false };
  if (a.pilot === 'vehicle' && (waitingForBuyer as readonly string[]).includes(a.status) && a.buyerExpiresAt)
    return { kind: 'vehicle_buyer', at: a.buyerExpiresAt, actionable: true };
  if (a.pilot === 'residence' && a.status === 'awaiting_owner_consent') {
    const open = (a.consents ?? []).filter((c) => c.status === 'requested' && c.expiresAt).map((c) => c.expiresAt!.getTime());
    // The application waits for every owner: the first request to expire ends it.
    if (open.length) return { kind: 'residence_consent', at: new Date(Math.min(...open)), actionable: false };
  }
  if (a.pilot === 'id_card' && a.status === 'draft' && a.draftExpiresAt)
    return { kind: 'id_card_draft', at: a.draftExpiresAt, actionable: true };
  if (a.pilot === 'id_card' && a.status === 'under_review' && a.decisionDueAt)
    return { kind: 'id_card_decision', at: a.decisionDueAt, actionable: false };
  return null;
}

const MINUTE = 60_000;

/** Time left to `at` in whole days, hours and minutes (rounded down; overdue shows the time since). */
export function timeLeft(at: Date, now: Date): { overdue: boolean; days: number; hours: number; minutes: number } {
  const ms = at.getTime() - now.getTime();
  const total = Math.floor(Math.abs(ms) / MINUTE);
  return { overdue: ms < 0, days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** Near: still ahead, and within `hours` (the boundary counts as near). */
export function isNear(at: Date, now: Date, hours: number): boolean {
  const ms = at.getTime() - now.getTime();
  return ms > 0 && ms <= hours * 60 * MINUTE;
}

/** The reminder's dedupe key: once per application and deadline (a deadline that moves is a new one). */
export const reminderKey = (applicationId: string, d: Pick<Deadline, 'kind' | 'at'>) =>
  `deadline:${applicationId}:${d.kind}:${d.at.toISOString()}`;
